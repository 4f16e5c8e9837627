import type { Actor } from '@estate-ops/domain/estate';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { attachments } from '../schema/index';

/** An uploaded file's facts, without its bytes. */
export type AttachmentMeta = {
	readonly id: string;
	readonly estateId: string;
	readonly workOrderId: string | null;
	readonly contentType: string;
	readonly sizeBytes: number;
	readonly sha256: string;
	readonly uploadedBy: Actor;
	readonly createdAt: Date;
};

export type StoredFile = AttachmentMeta & { readonly content: Buffer };

export type NewAttachmentRow = {
	readonly id: string;
	readonly estateId: string;
	readonly workOrderId: string | null;
	readonly contentType: string;
	readonly sha256: string;
	readonly content: Buffer;
	readonly uploadedBy: Actor;
	readonly createdAt: Date;
};

const metaColumns = {
	id: attachments.id,
	estateId: attachments.estateId,
	workOrderId: attachments.workOrderId,
	contentType: attachments.contentType,
	sizeBytes: attachments.sizeBytes,
	sha256: attachments.sha256,
	uploadedBy: attachments.uploadedBy,
	createdAt: attachments.createdAt,
};

type MetaRow = { [K in keyof typeof metaColumns]: (typeof attachments.$inferSelect)[K] };

const toMeta = (row: MetaRow): AttachmentMeta => ({ ...row, uploadedBy: row.uploadedBy as Actor });

export async function insertAttachment(db: Executor, row: NewAttachmentRow): Promise<AttachmentMeta> {
	const [inserted] = await db
		.insert(attachments)
		.values({ ...row, sizeBytes: row.content.length })
		.returning(metaColumns);
	if (!inserted) throw new Error('insert into attachments returned no row');
	return toMeta(inserted);
}

export async function findAttachmentMeta(
	db: Executor,
	estateId: string,
	id: string,
): Promise<AttachmentMeta | null> {
	const [row] = await db
		.select(metaColumns)
		.from(attachments)
		.where(and(eq(attachments.estateId, estateId), eq(attachments.id, id)));
	return row ? toMeta(row) : null;
}

export async function findAttachmentMetas(
	db: Executor,
	estateId: string,
	ids: readonly string[],
): Promise<AttachmentMeta[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.select(metaColumns)
		.from(attachments)
		.where(and(eq(attachments.estateId, estateId), inArray(attachments.id, [...ids])));
	return rows.map(toMeta);
}

export async function findAttachmentFile(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StoredFile | null> {
	const [row] = await db
		.select({ ...metaColumns, content: attachments.content })
		.from(attachments)
		.where(and(eq(attachments.estateId, estateId), eq(attachments.id, id)));
	return row ? { ...toMeta(row), content: row.content } : null;
}

/**
 * Gives not-yet-filed uploads to the order they were filed with; returns how many it claimed (fewer than asked
 * when another filing took one first, and the caller then rolls back).
 */
export async function claimAttachments(
	tx: Executor,
	estateId: string,
	ids: readonly string[],
	workOrderId: string,
): Promise<number> {
	if (ids.length === 0) return 0;
	const claimed = await tx
		.update(attachments)
		.set({ workOrderId })
		.where(
			and(
				eq(attachments.estateId, estateId),
				inArray(attachments.id, [...ids]),
				isNull(attachments.workOrderId),
			),
		)
		.returning({ id: attachments.id });
	return claimed.length;
}

export async function deleteAttachment(db: Executor, estateId: string, id: string): Promise<void> {
	await db.delete(attachments).where(and(eq(attachments.estateId, estateId), eq(attachments.id, id)));
}

/** How many files an estate holds (for tests and housekeeping). */
export async function countAttachments(db: Executor, estateId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(attachments)
		.where(eq(attachments.estateId, estateId));
	return Number(row?.n ?? 0);
}
