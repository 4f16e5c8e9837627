import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database } from '../db/database';
import { recordSensitiveRead, type AuditActor } from '../db/repositories/audit.repository';
import {
	findSealedContact,
	searchResidents,
	type ResidentDirectoryFilter,
	type ResidentListing,
} from '../db/repositories/resident-directory.repository';
import { isUuid } from '../db/repositories/site.repository';
import { decryptField, type EncryptionKey } from '../privacy/field-encryption';

export type SensitiveResidentField = 'phone' | 'idNumber';

export type ResidentServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly encryptionKey: EncryptionKey;
	/**
	 * The associated data a field was sealed with. Residents are sealed without one (`protectPhone` /
	 * `protectIdNumber` and the demo seed call `encryptField` with its default context, the empty string).
	 */
	readonly fieldContext?: (residentId: string, field: SensitiveResidentField) => string;
};

/** Who reads an unmasked contact, for the audit log. */
export type ContactReader = {
	readonly actor: AuditActor;
	readonly requestId: string | null;
	readonly ip?: string | null;
	readonly reason?: string;
};

export type ResidentContact = {
	readonly residentId: string;
	readonly phone: string;
	readonly idNumber: string | null;
	readonly readAt: Date;
};

export const MAX_DIRECTORY_PAGE = 200;

/**
 * The resident directory (SPEC.md, "Data, privacy and accounts"): listings only ever carry masked phone and
 * ID numbers; the unmasked contact is a separate, audited read, and the audit row is written in the same
 * transaction as the read, so there is no unmasked read without its line in the log.
 */
export function createResidentService(deps: ResidentServiceDeps) {
	const { db, now, encryptionKey } = deps;
	const contextOf = deps.fieldContext ?? (() => '');

	return {
		list(filter: ResidentDirectoryFilter): Promise<ResidentListing[]> {
			return searchResidents(db, {
				...filter,
				limit: Math.min(Math.max(filter.limit, 1), MAX_DIRECTORY_PAGE),
				offset: Math.max(filter.offset, 0),
			});
		},

		async readContact(
			estateId: string,
			residentId: string,
			reader: ContactReader,
		): Promise<Result<ResidentContact, DomainError>> {
			if (!isUuid(residentId)) return err('RESIDENT.NOT_FOUND', 'No such resident in this estate.');
			const contact = await db.transaction(async (tx) => {
				const sealed = await findSealedContact(tx, estateId, residentId);
				if (!sealed) return null;
				const readAt = now();
				const phone = decryptField(sealed.phoneEncrypted, encryptionKey, contextOf(sealed.id, 'phone'));
				const idNumber =
					sealed.idNumberEncrypted === null
						? null
						: decryptField(sealed.idNumberEncrypted, encryptionKey, contextOf(sealed.id, 'idNumber'));
				await recordSensitiveRead(tx, {
					estateId,
					actor: reader.actor,
					subjectType: 'resident',
					subjectId: sealed.id,
					fields: idNumber === null ? ['phone'] : ['phone', 'idNumber'],
					...(reader.reason ? { reason: reader.reason } : {}),
					ip: reader.ip ?? null,
					requestId: reader.requestId,
					at: readAt,
				});
				return { residentId: sealed.id, phone, idNumber, readAt };
			});
			return contact ? ok(contact) : err('RESIDENT.NOT_FOUND', 'No such resident in this estate.');
		},
	};
}

export type ResidentService = ReturnType<typeof createResidentService>;
