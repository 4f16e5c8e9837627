import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { auditLog } from '../schema/index';

/** Who did it: a staff member, a device, the system itself, or someone not signed in (a failed login). */
export type AuditActor = {
	readonly type: 'staff' | 'device' | 'system' | 'anonymous';
	readonly id: string;
};

export type AuditEntry = {
	readonly estateId: string | null;
	readonly actor: AuditActor;
	/** Dotted and past tense where it records a change: `staff.created`, `session.revoked`, `sensitive.read`. */
	readonly action: string;
	readonly subjectType: string;
	readonly subjectId: string;
	readonly details?: Readonly<Record<string, unknown>>;
	readonly ip?: string | null;
	readonly requestId?: string | null;
	readonly at: Date;
};

export type AuditRecord = AuditEntry & {
	readonly id: number;
	readonly details: Readonly<Record<string, unknown>>;
};

/** Appends one line to the audit log (append-only: nothing here updates or deletes). */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values({
		estateId: entry.estateId,
		actorType: entry.actor.type,
		actorId: entry.actor.id,
		action: entry.action,
		subjectType: entry.subjectType,
		subjectId: entry.subjectId,
		details: { ...(entry.details ?? {}) },
		ip: entry.ip ?? null,
		requestId: entry.requestId ?? null,
		at: entry.at,
	});
}

export type SensitiveRead = {
	readonly estateId: string;
	readonly actor: AuditActor;
	/** What was read: `resident`, `visitor` … and its id. */
	readonly subjectType: string;
	readonly subjectId: string;
	/** The unmasked fields shown, e.g. `['phone']` or `['phone', 'idNumber']`. */
	readonly fields: readonly string[];
	/** Why, when the caller gave a reason (a call-back, a gate check). */
	readonly reason?: string;
	readonly ip?: string | null;
	readonly requestId?: string | null;
	readonly at: Date;
};

export const SENSITIVE_READ_ACTION = 'sensitive.read';

/**
 * Records one unmasked read of residents' phone or ID numbers (SPEC.md: "every read of them audited").
 * Services call this, in the transaction that decrypts, for every such read.
 */
export async function recordSensitiveRead(db: Executor, read: SensitiveRead): Promise<void> {
	await appendAudit(db, {
		estateId: read.estateId,
		actor: read.actor,
		action: SENSITIVE_READ_ACTION,
		subjectType: read.subjectType,
		subjectId: read.subjectId,
		details: { fields: [...read.fields], ...(read.reason ? { reason: read.reason } : {}) },
		ip: read.ip ?? null,
		requestId: read.requestId ?? null,
		at: read.at,
	});
}

export async function listAudit(
	db: Executor,
	filter: {
		readonly estateId: string;
		readonly subjectType?: string;
		readonly subjectId?: string;
		readonly action?: string;
		readonly limit?: number;
	},
): Promise<AuditRecord[]> {
	const rows = await db
		.select()
		.from(auditLog)
		.where(
			and(
				eq(auditLog.estateId, filter.estateId),
				filter.subjectType ? eq(auditLog.subjectType, filter.subjectType) : undefined,
				filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
				filter.action ? eq(auditLog.action, filter.action) : undefined,
			),
		)
		.orderBy(desc(auditLog.id))
		.limit(Math.min(filter.limit ?? 100, 1_000));
	return rows.map((row) => ({
		id: row.id,
		estateId: row.estateId,
		actor: { type: toActorType(row.actorType), id: row.actorId },
		action: row.action,
		subjectType: row.subjectType,
		subjectId: row.subjectId,
		details: row.details,
		ip: row.ip,
		requestId: row.requestId,
		at: row.at,
	}));
}

const ACTOR_TYPES = ['staff', 'device', 'system', 'anonymous'] as const;
const toActorType = (value: string): AuditActor['type'] =>
	ACTOR_TYPES.find((type) => type === value) ?? 'system';
