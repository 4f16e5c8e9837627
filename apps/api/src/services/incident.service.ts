import type { Actor } from '@estate-ops/domain/estate';
import type { Datum } from '@estate-ops/domain/positions';
import {
	decideIncident,
	reportIncident,
	type Incident,
	type IncidentCommand,
	type IncidentDecision,
	type IncidentId,
	type IncidentKind,
} from '@estate-ops/domain/patrols';
import { EstateId, StaffId, err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import {
	appendIncidentHistory,
	findIncident,
	incidentHistoryOf,
	insertIncident,
	listIncidents,
	updateIncident,
	type IncidentFilter,
	type StoredIncident,
} from '../db/repositories/incident.repository';
import { isUuid } from '../db/repositories/site.repository';
import { toWgs84 } from './position-datum';

export type ReportIncidentInput = {
	readonly kind: IncidentKind;
	readonly description: string;
	readonly lng?: number | undefined;
	readonly lat?: number | undefined;
	readonly datum?: Datum | undefined;
	/** Where, in words ("3栋地下车库B2入口"), with or without a point. */
	readonly place?: string | undefined;
	readonly occurredAt?: Date | undefined;
};

/** An incident command as a client sends it; who gives it comes from the principal. */
export type IncidentCommandInput = WithoutBy<IncidentCommand>;
type WithoutBy<C> = C extends unknown ? Omit<C, 'by'> : never;

/** Who acts: the staff member (a field phone acts for its owner) and the domain's actor for the history. */
export type IncidentActor = { readonly staffId: string; readonly actor: Actor };

/**
 * The outbox payload of every incident event (`incident.reported`, `incident.responding`,
 * `incident.stepCompleted`, `incident.partyNotified`, `incident.contained`, `incident.closed`,
 * `incident.reviewed`): the domain's event with the incident as it now is, so the console's list and map
 * apply it without a fetch.
 */
export type IncidentEventPayload = {
	readonly type: string;
	readonly incidentId: string;
	readonly status: Incident['status'];
	readonly at: string;
	readonly by: string;
	readonly version: number;
	readonly incident: Incident;
};

export type IncidentServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly newId: () => string;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

const notFound = () => err('INCIDENT.NOT_FOUND', 'No such incident.');

/**
 * Incidents (突发事件): filed from the field with the emergency plan for their kind copied in as a checklist;
 * worked through responding, checklist steps and notifications (110, 119 …), contained, closed and reviewed.
 * Every decision is the domain's; each one is stored with its history row and outbox event in one transaction.
 */
export function createIncidentService(deps: IncidentServiceDeps) {
	const { db, now } = deps;

	async function write(
		tx: Executor,
		decision: IncidentDecision,
		version: number,
		actor: Actor,
		requestId: string | null,
	): Promise<void> {
		const { incident, event } = decision;
		await appendIncidentHistory(tx, { incident, version, event, actor, requestId });
		const payload: IncidentEventPayload = {
			type: event.type,
			incidentId: incident.id,
			status: incident.status,
			at: event.at.toISOString(),
			by: event.by,
			version,
			incident,
		};
		await deps.appendEvents(tx, [
			{
				estateId: incident.estateId,
				type: event.type,
				aggregateType: 'incident',
				aggregateId: incident.id,
				payload,
				at: event.at,
			},
		]);
	}

	return {
		async report(
			estateId: string,
			reporter: IncidentActor,
			input: ReportIncidentInput,
			requestId: string | null,
			beforeCommit?: (tx: Executor, stored: StoredIncident) => Promise<void>,
		): Promise<Result<StoredIncident, DomainError>> {
			const at = now();
			const point =
				input.lng === undefined || input.lat === undefined
					? undefined
					: toWgs84([input.lng, input.lat], input.datum ?? 'wgs84');
			const decided = reportIncident(
				{
					estateId: EstateId.parse(estateId),
					kind: input.kind,
					description: input.description,
					location: {
						...(point ? { point } : {}),
						...(input.place ? { description: input.place } : {}),
					},
					reportedBy: StaffId.parse(reporter.staffId),
					...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
				},
				{ id: deps.newId() as IncidentId, now: at },
			);
			if (!decided.ok) return decided;
			const stored: StoredIncident = { incident: decided.value.incident, version: 1 };
			await db.transaction(async (tx) => {
				await insertIncident(tx, stored.incident, at);
				await write(tx, decided.value, 1, reporter.actor, requestId);
				await beforeCommit?.(tx, stored);
			});
			return ok(stored);
		},

		async execute(
			estateId: string,
			id: string,
			by: IncidentActor,
			command: IncidentCommandInput,
			options: { readonly expectedVersion?: number | undefined; readonly requestId: string | null },
		): Promise<Result<StoredIncident, DomainError>> {
			const current = isUuid(id) ? await findIncident(db, estateId, id) : null;
			if (!current) return notFound();
			if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
				return err(
					'INCIDENT.VERSION_CONFLICT',
					'The incident has changed since you loaded it: reload and try again.',
					{
						details: { expectedVersion: options.expectedVersion, currentVersion: current.version },
					},
				);
			}
			const at = now();
			const decided = decideIncident(
				current.incident,
				{ ...command, by: StaffId.parse(by.staffId) } as IncidentCommand,
				at,
			);
			if (!decided.ok) return decided;
			const version = current.version + 1;
			const written = await db.transaction(async (tx) => {
				if (!(await updateIncident(tx, decided.value.incident, current.version, at))) return false;
				await write(tx, decided.value, version, by.actor, options.requestId);
				return true;
			});
			if (!written) {
				return err(
					'INCIDENT.VERSION_CONFLICT',
					'Someone else changed the incident at the same moment: reload and try again.',
					{
						details: { expectedVersion: current.version },
					},
				);
			}
			return ok({ incident: decided.value.incident, version });
		},

		find: (estateId: string, id: string) =>
			isUuid(id) ? findIncident(db, estateId, id) : Promise.resolve(null),

		list: (filter: IncidentFilter) => listIncidents(db, filter),

		history: (estateId: string, id: string) => incidentHistoryOf(db, estateId, id),
	};
}

export type IncidentService = ReturnType<typeof createIncidentService>;
