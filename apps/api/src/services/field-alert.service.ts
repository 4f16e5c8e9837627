import type { Actor } from '@estate-ops/domain/estate';
import {
	type FieldAlert,
	type FieldAlertCommand,
	type FieldAlertDecision,
	decideFieldAlert,
	raiseSos,
} from '@estate-ops/domain/positions';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import {
	appendFieldAlertHistory,
	findFieldAlert,
	findUnresolvedSos,
	type FieldAlertHistoryEntry,
	historyOfFieldAlert,
	insertFieldAlert,
	listFieldAlerts,
	type StoredFieldAlert,
	updateFieldAlert,
} from '../db/repositories/field-alert.repository';
import { isUuid } from '../db/repositories/site.repository';
import { findStaffInEstate } from '../db/repositories/staff.repository';

/** An alert as the control room and the browsers' reducers see it: flat, WGS-84, who and when. */
export type FieldAlertView = {
	readonly id: string;
	readonly kind: FieldAlert['kind'];
	readonly status: FieldAlert['status'];
	readonly personId: string;
	readonly personName: string;
	readonly lng: number;
	readonly lat: number;
	readonly note: string | null;
	readonly raisedAt: Date;
	readonly repeats: number;
	readonly acknowledgedAt: Date | null;
	readonly acknowledgedBy: Actor | null;
	readonly resolvedAt: Date | null;
	readonly resolvedBy: Actor | null;
	readonly resolution: string | null;
	readonly version: number;
};

export type FieldAlertDetail = FieldAlertView & { readonly history: readonly FieldAlertHistoryEntry[] };

export type FieldAlertServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

export const viewOfFieldAlert = ({ alert, personName }: StoredFieldAlert): FieldAlertView => ({
	id: alert.id,
	kind: alert.kind,
	status: alert.status,
	personId: alert.personId,
	personName,
	lng: alert.point[0],
	lat: alert.point[1],
	note: alert.note,
	raisedAt: alert.raisedAt,
	repeats: alert.repeats,
	acknowledgedAt: alert.acknowledged?.at ?? null,
	acknowledgedBy: alert.acknowledged?.by ?? null,
	resolvedAt: alert.resolved?.at ?? null,
	resolvedBy: alert.resolved?.by ?? null,
	resolution: alert.resolved?.resolution ?? null,
	version: alert.version,
});

const NOT_FOUND = 'ALERT.NOT_FOUND';

/**
 * Alerts from the field (告警), SOS first. Each change is written with its history row and its outbox event
 * (`alert.raised`, `alert.repeated`, `alert.acknowledged`, `alert.resolved`) in one transaction, so the
 * control room's consoles hear of an SOS as soon as it is stored, through the same relay as every event.
 */
export function createFieldAlertService(deps: FieldAlertServiceDeps) {
	const { db, now } = deps;

	async function record(
		tx: Executor,
		decision: FieldAlertDecision,
		personName: string,
		requestId: string | null,
	): Promise<FieldAlertView> {
		const view = viewOfFieldAlert({ alert: decision.alert, personName });
		await appendFieldAlertHistory(tx, decision.event, requestId);
		await deps.appendEvents(tx, [
			{
				estateId: decision.alert.estateId,
				type: decision.event.type,
				aggregateType: 'alert',
				aggregateId: decision.alert.id,
				at: decision.event.at,
				payload: { type: decision.event.type, alert: view, actor: decision.event.actor },
			},
		]);
		return view;
	}

	return {
		/**
		 * An SOS press, stored and announced at once. Answers `raised: false` when it repeated the person's
		 * alert that was still open. `beforeCommit` stores the idempotent response in the same transaction.
		 */
		async raiseSos(
			input: {
				readonly estateId: string;
				readonly personId: string;
				readonly actor: Actor;
				readonly point: readonly [number, number];
				readonly note?: string;
				readonly requestId: string | null;
			},
			beforeCommit?: (tx: Executor, outcome: { alert: FieldAlertView; raised: boolean }) => Promise<void>,
		): Promise<Result<{ alert: FieldAlertView; raised: boolean }, DomainError>> {
			const person = await findStaffInEstate(db, input.estateId, input.personId);
			if (!person) return err('STAFF.NOT_FOUND', 'The person behind this device is not on the staff.');
			const at = now();
			const outcome = await db.transaction(async (tx) => {
				const open = await findUnresolvedSos(tx, input.estateId, input.personId);
				const decision = raiseSos(
					open,
					{
						id: deps.newId(),
						estateId: input.estateId,
						personId: input.personId,
						point: input.point,
						...(input.note === undefined ? {} : { note: input.note }),
						actor: input.actor,
					},
					at,
				);
				const raised = decision.event.type === 'alert.raised';
				if (raised) await insertFieldAlert(tx, decision.alert);
				else if (open && !(await updateFieldAlert(tx, decision.alert, open.version, at))) {
					throw new Error(`alert ${open.id} changed while an SOS repeated it`);
				}
				const result = { alert: await record(tx, decision, person.displayName, input.requestId), raised };
				await beforeCommit?.(tx, result);
				return result;
			});
			return ok(outcome);
		},

		/** Acknowledge (someone is on it) or resolve (with what was done); who and when go in the history. */
		async decide(
			estateId: string,
			id: string,
			command: FieldAlertCommand,
			actor: Actor,
			requestId: string | null,
		): Promise<Result<FieldAlertView, DomainError>> {
			if (!isUuid(id)) return err(NOT_FOUND, 'No such alert.');
			const stored = await findFieldAlert(db, estateId, id);
			if (!stored) return err(NOT_FOUND, 'No such alert.');
			const at = now();
			const decision = decideFieldAlert(stored.alert, command, actor, at);
			if (!decision.ok) return decision;
			const view = await db.transaction(async (tx) => {
				if (!(await updateFieldAlert(tx, decision.value.alert, stored.alert.version, at))) return null;
				return record(tx, decision.value, stored.personName, requestId);
			});
			return view
				? ok(view)
				: err('ALERT.VERSION_CONFLICT', 'Someone else changed this alert at the same time; reload it.');
		},

		async list(query: { estateId: string; open?: boolean; limit: number }): Promise<FieldAlertView[]> {
			return (await listFieldAlerts(db, query)).map(viewOfFieldAlert);
		},

		async detail(estateId: string, id: string): Promise<FieldAlertDetail | null> {
			if (!isUuid(id)) return null;
			const stored = await findFieldAlert(db, estateId, id);
			if (!stored) return null;
			return { ...viewOfFieldAlert(stored), history: await historyOfFieldAlert(db, estateId, id) };
		},
	};
}

export type FieldAlertService = ReturnType<typeof createFieldAlertService>;
