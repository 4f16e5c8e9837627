import { Incident, type IncidentEvent } from '@estate-ops/domain/patrols';
import { and, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { incidentHistory, incidents } from '../schema/index';

export type StoredIncident = { readonly incident: Incident; readonly version: number };

export type IncidentFilter = {
	readonly estateId: string;
	/** Only incidents this staff member reported or responded to (field staff see their own). */
	readonly involving?: string;
	readonly statuses?: readonly string[];
	readonly kinds?: readonly string[];
	/** Keyset cursor: incidents reported before this one (newest first). */
	readonly before?: { readonly reportedAt: Date; readonly id: string };
	readonly limit: number;
};

type IncidentRow = typeof incidents.$inferSelect;

const toStored = (row: IncidentRow): StoredIncident => ({
	incident: Incident.parse(row.state),
	version: row.version,
});

function columnsOf(incident: Incident, version: number, at: Date) {
	return {
		estateId: incident.estateId,
		kind: incident.kind,
		status: incident.status,
		reportedBy: incident.reportedBy,
		responderId: 'responderId' in incident ? incident.responderId : null,
		reportedAt: incident.reportedAt,
		occurredAt: incident.occurredAt,
		state: incident as unknown,
		version,
		updatedAt: at,
	};
}

export async function insertIncident(tx: Executor, incident: Incident, at: Date): Promise<void> {
	await tx.insert(incidents).values({ id: incident.id, ...columnsOf(incident, 1, at) });
}

/** Writes the new state only if nobody else wrote since `expectedVersion`; false when the incident moved on. */
export async function updateIncident(
	tx: Executor,
	incident: Incident,
	expectedVersion: number,
	at: Date,
): Promise<boolean> {
	const updated = await tx
		.update(incidents)
		.set(columnsOf(incident, expectedVersion + 1, at))
		.where(
			and(
				eq(incidents.id, incident.id),
				eq(incidents.estateId, incident.estateId),
				eq(incidents.version, expectedVersion),
			),
		)
		.returning({ id: incidents.id });
	return updated.length > 0;
}

export async function appendIncidentHistory(
	tx: Executor,
	entry: {
		readonly incident: Incident;
		readonly version: number;
		readonly event: IncidentEvent;
		readonly actor: unknown;
		readonly requestId: string | null;
	},
): Promise<void> {
	await tx.insert(incidentHistory).values({
		estateId: entry.incident.estateId,
		incidentId: entry.incident.id,
		version: entry.version,
		type: entry.event.type,
		actor: entry.actor,
		at: entry.event.at,
		event: entry.event as unknown,
		requestId: entry.requestId,
	});
}

export async function findIncident(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StoredIncident | null> {
	const [row] = await db
		.select()
		.from(incidents)
		.where(and(eq(incidents.estateId, estateId), eq(incidents.id, id)));
	return row ? toStored(row) : null;
}

export async function listIncidents(db: Executor, filter: IncidentFilter): Promise<StoredIncident[]> {
	const conditions: (SQL | undefined)[] = [
		eq(incidents.estateId, filter.estateId),
		filter.involving
			? or(eq(incidents.reportedBy, filter.involving), eq(incidents.responderId, filter.involving))
			: undefined,
		filter.statuses?.length ? inArray(incidents.status, [...filter.statuses]) : undefined,
		filter.kinds?.length ? inArray(incidents.kind, [...filter.kinds]) : undefined,
		filter.before
			? or(
					lt(incidents.reportedAt, filter.before.reportedAt),
					and(eq(incidents.reportedAt, filter.before.reportedAt), lt(incidents.id, filter.before.id)),
				)
			: undefined,
	];
	const rows = await db
		.select()
		.from(incidents)
		.where(and(...conditions))
		.orderBy(desc(incidents.reportedAt), desc(incidents.id))
		.limit(filter.limit);
	return rows.map(toStored);
}

export async function incidentHistoryOf(db: Executor, estateId: string, id: string) {
	return db
		.select({
			version: incidentHistory.version,
			type: incidentHistory.type,
			at: incidentHistory.at,
			actor: incidentHistory.actor,
			event: incidentHistory.event,
		})
		.from(incidentHistory)
		.where(and(eq(incidentHistory.estateId, estateId), eq(incidentHistory.incidentId, id)))
		.orderBy(asc(incidentHistory.version));
}
