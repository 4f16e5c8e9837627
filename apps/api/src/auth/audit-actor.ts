import type { AuditActor } from '../db/repositories/audit.repository';
import type { Principal } from './principal';

/** The audit log's "who" for a request's principal. */
export function auditActorOf(principal: Principal | undefined): AuditActor {
	if (!principal) return { type: 'anonymous', id: 'anonymous' };
	switch (principal.kind) {
		case 'staff':
			return { type: 'staff', id: principal.staffId };
		case 'device':
			return { type: 'device', id: principal.deviceId };
	}
}
