import { createHash } from 'node:crypto';
import type { Actor } from '@estate-ops/domain/estate';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { WorkOrder } from '@estate-ops/domain/work-orders';
import type { Database } from '../db/database';
import {
	deleteAttachment,
	findAttachmentFile,
	insertAttachment,
	type AttachmentMeta,
	type StoredFile,
} from '../db/repositories/attachment.repository';
import { isUuid } from '../db/repositories/site.repository';
import type { WorkOrderService } from './work-order.service';

export type { AttachmentMeta, StoredFile } from '../db/repositories/attachment.repository';

/** The largest photo accepted: 5 MB. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
	bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

/**
 * What the bytes are, by their magic numbers: the declared content type is whatever the client said and is
 * not trusted. Null for anything but JPEG, PNG and WebP.
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	// RIFF <size> WEBP
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
		return 'image/webp';
	return null;
}

export type AttachmentServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly workOrders: Pick<WorkOrderService, 'execute'>;
};

/**
 * Photos (and later other files) for work orders. Bytes are kept in the database so that every api instance
 * serves every file; the domain only ever sees the attachment's id as its `storageKey`.
 */
export function createAttachmentService(deps: AttachmentServiceDeps) {
	const { db, now } = deps;

	function checkPhoto(bytes: Buffer): Result<PhotoType, DomainError> {
		if (bytes.length > PHOTO_MAX_BYTES) {
			return err('ATTACHMENT.TOO_LARGE', `A photo may be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`, {
				path: ['photo'],
				details: { maxBytes: PHOTO_MAX_BYTES, sizeBytes: bytes.length },
			});
		}
		if (bytes.length === 0) return err('ATTACHMENT.EMPTY', 'The photo is empty.', { path: ['photo'] });
		const type = sniffPhotoType(bytes);
		if (!type) {
			return err('ATTACHMENT.UNSUPPORTED_TYPE', 'Only JPEG, PNG and WebP photos are accepted.', {
				path: ['photo'],
			});
		}
		return ok(type);
	}

	const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

	return {
		/** A photo taken at a kiosk before filing: stored unattached until the filing names it. */
		async storeUnattachedPhoto(
			estateId: string,
			actor: Actor,
			bytes: Buffer,
		): Promise<Result<AttachmentMeta, DomainError>> {
			const type = checkPhoto(bytes);
			if (!type.ok) return type;
			const stored = await insertAttachment(db, {
				id: deps.newId(),
				estateId,
				workOrderId: null,
				contentType: type.value,
				sha256: sha256(bytes),
				content: bytes,
				uploadedBy: actor,
				createdAt: now(),
			});
			return ok(stored);
		},

		/**
		 * A photo added to an existing order by staff: stored, then put on the order's timeline with the
		 * `addAttachment` command. When the order refuses it (closed, cancelled …) the file is removed again.
		 */
		async addPhotoToWorkOrder(
			estateId: string,
			workOrderId: string,
			actor: Actor,
			bytes: Buffer,
			options: { caption: string | null; requestId: string | null },
		): Promise<Result<{ attachment: AttachmentMeta; order: WorkOrder }, DomainError>> {
			const type = checkPhoto(bytes);
			if (!type.ok) return type;
			const attachment = await insertAttachment(db, {
				id: deps.newId(),
				estateId,
				workOrderId,
				contentType: type.value,
				sha256: sha256(bytes),
				content: bytes,
				uploadedBy: actor,
				createdAt: now(),
			});
			const result = await deps.workOrders.execute(
				estateId,
				workOrderId,
				actor,
				{
					type: 'addAttachment',
					attachment: {
						id: attachment.id,
						content: { kind: 'photo', storageKey: attachment.id, caption: options.caption },
					},
				},
				{ requestId: options.requestId },
			);
			if (!result.ok) {
				await deleteAttachment(db, estateId, attachment.id);
				return result;
			}
			return ok({ attachment, order: result.value });
		},

		/** The file with its bytes, if it belongs to the estate. */
		read: (estateId: string, id: string): Promise<StoredFile | null> =>
			isUuid(id) ? findAttachmentFile(db, estateId, id) : Promise.resolve(null),
	};
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
