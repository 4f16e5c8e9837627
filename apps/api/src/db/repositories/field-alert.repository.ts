import { FieldAlert, type FieldAlertEvent } from '@estate-ops/domain/positions';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../database';
import { fieldAlertHistory, fieldAlerts, staff } from '../schema/index';

/** An alert with the name of the person it is about, as the control room lists it. */
export type StoredFieldAlert = { readonly alert: FieldAlert; readonly personName: string };

export type FieldAlertHistoryEntry = {
	readonly version: number;
	readonly type: string;
	readonly at: Date;
	readonly actor: unknown;
};

const parseAlert = (state: unknown): FieldAlert => FieldAlert.parse(state);

const columnsOf = (alert: FieldAlert, at: Date) => ({
	estateId: alert.estateId,
	kind: alert.kind,
	status: alert.status,
	personId: alert.personId,
	raisedAt: alert.raisedAt,
	version: alert.version,
	state: alert as unknown,
	updatedAt: at,
});

export async function insertFieldAlert(db: Executor, alert: FieldAlert): Promise<void> {
	await db.insert(fieldAlerts).values({ id: alert.id, ...columnsOf(alert, alert.raisedAt) });
}

/** Writes the alert only if nobody changed it since `expectedVersion` was read; false when someone did. */
export async function updateFieldAlert(
	db: Executor,
	alert: FieldAlert,
	expectedVersion: number,
	at: Date,
): Promise<boolean> {
	const rows = await db
		.update(fieldAlerts)
		.set(columnsOf(alert, at))
		.where(
			and(
				eq(fieldAlerts.id, alert.id),
				eq(fieldAlerts.estateId, alert.estateId),
				eq(fieldAlerts.version, expectedVersion),
			),
		)
		.returning({ id: fieldAlerts.id });
	return rows.length === 1;
}

export async function appendFieldAlertHistory(
	db: Executor,
	event: FieldAlertEvent,
	requestId: string | null,
): Promise<void> {
	await db.insert(fieldAlertHistory).values({
		estateId: event.alert.estateId,
		alertId: event.alert.id,
		version: event.alert.version,
		type: event.type,
		actor: event.actor as unknown,
		at: event.at,
		event: event as unknown,
		requestId,
	});
}

export async function findFieldAlert(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StoredFieldAlert | null> {
	const [row] = await db
		.select({ state: fieldAlerts.state, personName: staff.displayName })
		.from(fieldAlerts)
		.innerJoin(staff, eq(staff.id, fieldAlerts.personId))
		.where(and(eq(fieldAlerts.estateId, estateId), eq(fieldAlerts.id, id)));
	return row ? { alert: parseAlert(row.state), personName: row.personName } : null;
}

/** The person's SOS that is not resolved yet, if any: a new press repeats it instead of opening another. */
export async function findUnresolvedSos(
	db: Executor,
	estateId: string,
	personId: string,
): Promise<FieldAlert | null> {
	const [row] = await db
		.select({ state: fieldAlerts.state })
		.from(fieldAlerts)
		.where(
			and(
				eq(fieldAlerts.estateId, estateId),
				eq(fieldAlerts.personId, personId),
				eq(fieldAlerts.kind, 'sos'),
				ne(fieldAlerts.status, 'resolved'),
			),
		)
		.orderBy(desc(fieldAlerts.raisedAt))
		.limit(1);
	return row ? parseAlert(row.state) : null;
}

/** The estate's alerts, newest first; `open` keeps those not resolved yet (open or acknowledged). */
export async function listFieldAlerts(
	db: Executor,
	query: { readonly estateId: string; readonly open?: boolean; readonly limit: number },
): Promise<StoredFieldAlert[]> {
	const rows = await db
		.select({ state: fieldAlerts.state, personName: staff.displayName })
		.from(fieldAlerts)
		.innerJoin(staff, eq(staff.id, fieldAlerts.personId))
		.where(
			and(
				eq(fieldAlerts.estateId, query.estateId),
				query.open === undefined
					? undefined
					: query.open
						? inArray(fieldAlerts.status, ['open', 'acknowledged'])
						: eq(fieldAlerts.status, 'resolved'),
			),
		)
		.orderBy(desc(fieldAlerts.raisedAt))
		.limit(query.limit);
	return rows.map((row) => ({ alert: parseAlert(row.state), personName: row.personName }));
}

export async function historyOfFieldAlert(
	db: Executor,
	estateId: string,
	alertId: string,
): Promise<FieldAlertHistoryEntry[]> {
	return db
		.select({
			version: fieldAlertHistory.version,
			type: fieldAlertHistory.type,
			at: fieldAlertHistory.at,
			actor: fieldAlertHistory.actor,
		})
		.from(fieldAlertHistory)
		.where(and(eq(fieldAlertHistory.estateId, estateId), eq(fieldAlertHistory.alertId, alertId)))
		.orderBy(asc(fieldAlertHistory.version));
}
