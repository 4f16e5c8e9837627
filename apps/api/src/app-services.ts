import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from './db/database';
import { appendEvents } from './db/repositories/event.repository';
import { createAuthService } from './services/auth.service';
import { createAttachmentService } from './services/attachment.service';
import { createCalendarService } from './services/calendar.service';
import { createDutyNotificationService } from './services/duty-notification.service';
import { createDutyRosterService } from './services/duty-roster.service';
import { createEstateSetupService } from './services/estate-setup.service';
import { createKioskService } from './services/kiosk.service';
import { createKioskUndeliveredService } from './services/kiosk-undelivered.service';
import { createNoticeService } from './services/notice.service';
import { createResidentService } from './services/resident.service';
import { createFieldAlertService } from './services/field-alert.service';
import { createPositionService } from './services/position.service';
import type { PositionWriterOptions } from './services/position-writer';
import { createWorkOrderService } from './services/work-order.service';
import { createCleaningService } from './services/cleaning.service';
import { createIncidentService } from './services/incident.service';
import { createPatrolRoundService } from './services/patrol-round.service';
import { createPatrolRouteService } from './services/patrol-route.service';
import { createPatrolScanService } from './services/patrol-scan.service';
import { decryptField, encryptField, type EncryptionKey } from './privacy/field-encryption';

// Binds a sealed callback number to its use, so it cannot be passed off as another field.
const CONTACT_PHONE_CONTEXT = 'workOrder.contact.phone';
import type { PasswordHasher } from './auth/password-hasher';

export type ServicesDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly hasher?: PasswordHasher;
	/** The AES-256-GCM key of residents' phone and ID numbers. */
	readonly encryptionKey: EncryptionKey;
	/** When positions are written (group commit); tests shorten the wait. */
	readonly positionWriter?: PositionWriterOptions;
};

/** Every use case, built once over the database and the clock: shared by main.ts and the api tests. */
export function createServices(deps: ServicesDeps) {
	const { db, now } = deps;
	const workOrders = createWorkOrderService({
		db,
		now,
		newId: randomUUID,
		randomBytes: (length) => randomBytes(length),
		appendEvents,
		contactCipher: {
			seal: (phone) => encryptField(phone, deps.encryptionKey, CONTACT_PHONE_CONTEXT),
			open: (sealed) => decryptField(sealed, deps.encryptionKey, CONTACT_PHONE_CONTEXT),
		},
	});
	return {
		auth: createAuthService({ db, now, ...(deps.hasher ? { hasher: deps.hasher } : {}) }),
		workOrders,
		notices: createNoticeService({ db, now, appendEvents }),
		attachments: createAttachmentService({ db, now, newId: randomUUID, workOrders }),
		kiosk: createKioskService({ db, now, workOrders, encryptionKey: deps.encryptionKey }),
		kioskUndelivered: createKioskUndeliveredService({ db, now, appendEvents }),
		residents: createResidentService({ db, now, encryptionKey: deps.encryptionKey }),
		positions: createPositionService({
			db,
			now,
			...(deps.positionWriter ? { writer: deps.positionWriter } : {}),
		}),
		fieldAlerts: createFieldAlertService({ db, now, newId: randomUUID, appendEvents }),
		dutyRoster: createDutyRosterService({ db, now, appendEvents }),
		notifications: createDutyNotificationService({ db, now }),
		calendar: createCalendarService({ db, now, appendEvents }),
		estateSetup: createEstateSetupService({ db, now }),
		patrolRoutes: createPatrolRouteService({ db, now, newId: randomUUID, appendEvents }),
		patrolRounds: createPatrolRoundService({ db, now }),
		patrolScans: createPatrolScanService({ db, now, newId: randomUUID, appendEvents }),
		incidents: createIncidentService({ db, now, newId: randomUUID, appendEvents }),
		cleaning: createCleaningService({ db, now, newId: randomUUID, appendEvents }),
	};
}

export type Services = ReturnType<typeof createServices>;
