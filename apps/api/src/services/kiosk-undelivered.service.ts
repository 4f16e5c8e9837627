import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import { appendAudit } from '../db/repositories/audit.repository';
import {
	countOpenUndeliveredFilings,
	findUndeliveredFiling,
	findUndeliveredFilingByKey,
	insertUndeliveredFiling,
	listUndeliveredFilings,
	markUndeliveredFilingHandled,
	type RefusalProblem,
	type UndeliveredFiling,
} from '../db/repositories/kiosk-undelivered.repository';
import { isUuid } from '../db/repositories/site.repository';
import type { OutboxEvent } from './work-order.service';

export type { UndeliveredFiling } from '../db/repositories/kiosk-undelivered.repository';

/** Outbox events of undelivered kiosk filings; staff with `events.read` get them, kiosks never do. */
export const UNDELIVERED_RECEIVED = 'kioskUndelivered.received';
export const UNDELIVERED_HANDLED = 'kioskUndelivered.handled';

/** How many the staff list shows: every open one is expected to fit; handled ones are history. */
export const UNDELIVERED_LIST_LIMIT = 200;

export type KioskUndeliveredServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly appendEvents: (tx: Executor, events: readonly OutboxEvent[]) => Promise<unknown>;
};

/** What a kiosk reports about a queued filing the api refused. */
export type UndeliveredReport = {
	readonly idempotencyKey: string;
	readonly filing: Readonly<Record<string, unknown>>;
	readonly problem: RefusalProblem;
	readonly queuedAt: Date;
};

/**
 * A copy of the filing without any `phoneLast4`, at any depth: the digits identify a household and are only
 * ever compared, never kept. Whatever else the kiosk sent is kept as sent, so staff see what was refused.
 */
export function withoutPhoneDigits(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutPhoneDigits);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([key]) => key !== 'phoneLast4')
			.map(([key, inner]) => [key, withoutPhoneDigits(inner)]),
	);
}

/** What the live stream says: enough for a badge and a list refresh, not the resident's words. */
function eventPayload(filing: UndeliveredFiling) {
	const kind = filing.filing['kind'];
	const category = filing.filing['category'];
	return {
		id: filing.id,
		status: filing.status,
		deviceId: filing.device.id,
		kind: typeof kind === 'string' ? kind : null,
		category: typeof category === 'string' ? category : null,
		problem: { status: filing.problem.status, code: filing.problem.code },
		queuedAt: filing.queuedAt,
		...(filing.handled ? { handledAt: filing.handled.at, handledBy: filing.handled.by.id } : {}),
	};
}

/**
 * Kiosk filings that never became work orders (未送达的自助报事). A kiosk that queued a filing offline and then
 * had it refused (a 4xx: wrong digits, a room that no longer exists) reports it here instead of retrying
 * forever; the control room sees it at once and a member of staff follows up and marks it handled. Each step
 * is in the audit log and the outbox, in the transaction that makes it.
 */
export function createKioskUndeliveredService(deps: KioskUndeliveredServiceDeps) {
	const { db, now } = deps;

	const event = (type: string, filing: UndeliveredFiling, at: Date): OutboxEvent => ({
		estateId: filing.estateId,
		type,
		aggregateType: 'kioskUndelivered',
		aggregateId: filing.id,
		payload: { filing: eventPayload(filing) },
		at,
	});

	return {
		/**
		 * Records a refused filing once per kiosk and idempotency key; a repeated report answers with the
		 * first record and writes nothing.
		 */
		async report(
			estateId: string,
			deviceId: string,
			report: UndeliveredReport,
			requestId: string | null,
		): Promise<{ readonly filing: UndeliveredFiling; readonly created: boolean }> {
			const at = now();
			const filing = withoutPhoneDigits(report.filing) as Record<string, unknown>;
			return db.transaction(async (tx) => {
				const id = await insertUndeliveredFiling(tx, {
					estateId,
					deviceId,
					idempotencyKey: report.idempotencyKey,
					filing,
					problem: report.problem,
					queuedAt: report.queuedAt,
					receivedAt: at,
				});
				if (id === null) {
					const earlier = await findUndeliveredFilingByKey(tx, deviceId, report.idempotencyKey);
					if (!earlier) throw new Error('an undelivered filing conflicted on its key but cannot be read');
					return { filing: earlier, created: false };
				}
				const stored = await findUndeliveredFiling(tx, estateId, id);
				if (!stored) throw new Error(`undelivered filing ${id} vanished inside its own transaction`);
				await appendAudit(tx, {
					estateId,
					actor: { type: 'device', id: deviceId },
					action: 'kioskUndelivered.received',
					subjectType: 'kioskUndelivered',
					subjectId: id,
					details: { problem: { status: report.problem.status, code: report.problem.code } },
					requestId,
					at,
				});
				await deps.appendEvents(tx, [event(UNDELIVERED_RECEIVED, stored, at)]);
				return { filing: stored, created: true };
			});
		},

		async list(
			estateId: string,
		): Promise<{ readonly items: UndeliveredFiling[]; readonly openCount: number }> {
			const [items, openCount] = await Promise.all([
				listUndeliveredFilings(db, estateId, UNDELIVERED_LIST_LIMIT),
				countOpenUndeliveredFilings(db, estateId),
			]);
			return { items, openCount };
		},

		/** A member of staff has followed up (filed it at the desk, called the resident …) and says how. */
		async handle(
			estateId: string,
			id: string,
			by: { readonly staffId: string },
			note: string,
			requestId: string | null,
		): Promise<Result<UndeliveredFiling, DomainError>> {
			const current = isUuid(id) ? await findUndeliveredFiling(db, estateId, id) : null;
			if (!current) return err('KIOSK_UNDELIVERED.NOT_FOUND', 'No such undelivered kiosk filing.');
			const alreadyHandled = () =>
				err('KIOSK_UNDELIVERED.ALREADY_HANDLED', 'Someone has already dealt with this filing.', {
					details: { handledAt: current.handled?.at ?? null, handledBy: current.handled?.by.id ?? null },
				});
			if (current.status === 'handled') return alreadyHandled();
			const at = now();
			const handled = await db.transaction(async (tx) => {
				if (!(await markUndeliveredFilingHandled(tx, estateId, id, { staffId: by.staffId, at, note })))
					return null;
				const stored = await findUndeliveredFiling(tx, estateId, id);
				if (!stored) throw new Error(`undelivered filing ${id} vanished inside its own transaction`);
				await appendAudit(tx, {
					estateId,
					actor: { type: 'staff', id: by.staffId },
					action: 'kioskUndelivered.handled',
					subjectType: 'kioskUndelivered',
					subjectId: id,
					details: { note },
					requestId,
					at,
				});
				await deps.appendEvents(tx, [event(UNDELIVERED_HANDLED, stored, at)]);
				return stored;
			});
			// Another desk marked it handled between the read and the write.
			return handled ? ok(handled) : alreadyHandled();
		},
	};
}

export type KioskUndeliveredService = ReturnType<typeof createKioskUndeliveredService>;
