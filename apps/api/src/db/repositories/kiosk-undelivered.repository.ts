import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, devices, kioskUndeliveredFilings, rooms, staff, units } from '../schema/index';

/** Whether staff still have to deal with an undelivered filing. */
export type UndeliveredStatus = 'open' | 'handled';

/** Why the api refused the queued filing, as the kiosk was told (RFC 9457 fields). */
export type RefusalProblem = {
	readonly status: number;
	readonly title: string;
	readonly detail: string | null;
	readonly code: string | null;
};

/** A kiosk filing the api refused after it had been queued offline, with whoever dealt with it. */
export type UndeliveredFiling = {
	readonly id: string;
	readonly estateId: string;
	readonly device: { readonly id: string; readonly name: string };
	readonly idempotencyKey: string;
	readonly filing: Readonly<Record<string, unknown>>;
	/** The room the filing named, when it is a room of the estate: its building's name, unit and room numbers. */
	readonly room: {
		readonly id: string;
		readonly building: string;
		readonly unit: string;
		readonly number: string;
	} | null;
	readonly problem: RefusalProblem;
	readonly queuedAt: Date;
	readonly receivedAt: Date;
	readonly status: UndeliveredStatus;
	readonly handled: {
		readonly by: { readonly id: string; readonly name: string };
		readonly at: Date;
		readonly note: string;
	} | null;
};

export type NewUndeliveredFiling = {
	readonly estateId: string;
	readonly deviceId: string;
	readonly idempotencyKey: string;
	readonly filing: Readonly<Record<string, unknown>>;
	readonly problem: RefusalProblem;
	readonly queuedAt: Date;
	readonly receivedAt: Date;
};

const selection = {
	row: kioskUndeliveredFilings,
	deviceName: devices.name,
	handlerName: staff.displayName,
	buildingName: buildings.name,
	unitNumber: units.number,
	roomNumber: rooms.number,
	roomId: rooms.id,
};

type Joined = {
	row: typeof kioskUndeliveredFilings.$inferSelect;
	deviceName: string | null;
	handlerName: string | null;
	buildingName: string | null;
	unitNumber: string | null;
	roomNumber: string | null;
	roomId: string | null;
};

const toUndelivered = (joined: Joined): UndeliveredFiling => {
	const { row } = joined;
	return {
		id: row.id,
		estateId: row.estateId,
		device: { id: row.deviceId, name: joined.deviceName ?? '' },
		idempotencyKey: row.idempotencyKey,
		filing: row.filing,
		room:
			joined.roomId !== null &&
			joined.buildingName !== null &&
			joined.unitNumber !== null &&
			joined.roomNumber !== null
				? {
						id: joined.roomId,
						building: joined.buildingName,
						unit: joined.unitNumber,
						number: joined.roomNumber,
					}
				: null,
		problem: {
			status: row.problemStatus,
			title: row.problemTitle,
			detail: row.problemDetail,
			code: row.problemCode,
		},
		queuedAt: row.queuedAt,
		receivedAt: row.createdAt,
		status: row.status === 'handled' ? 'handled' : 'open',
		handled:
			row.status === 'handled' && row.handledBy !== null && row.handledAt !== null
				? {
						by: { id: row.handledBy, name: joined.handlerName ?? '' },
						at: row.handledAt,
						note: row.handledNote ?? '',
					}
				: null,
	};
};

// The filing's room id is whatever the kiosk sent: compare it as text so a malformed one matches nothing.
const roomOfFiling = and(
	sql`${rooms.id}::text = ${kioskUndeliveredFilings.filing}->>'roomId'`,
	eq(rooms.estateId, kioskUndeliveredFilings.estateId),
);

function joinedQuery(db: Executor) {
	return db
		.select(selection)
		.from(kioskUndeliveredFilings)
		.leftJoin(devices, eq(devices.id, kioskUndeliveredFilings.deviceId))
		.leftJoin(staff, eq(staff.id, kioskUndeliveredFilings.handledBy))
		.leftJoin(rooms, roomOfFiling)
		.leftJoin(units, eq(units.id, rooms.unitId))
		.leftJoin(buildings, eq(buildings.id, rooms.buildingId));
}

/**
 * Records a refused filing once per kiosk and idempotency key. Returns the new row, or null when this kiosk
 * already reported this key (the caller then reads the earlier one).
 */
export async function insertUndeliveredFiling(
	tx: Executor,
	filing: NewUndeliveredFiling,
): Promise<string | null> {
	const rows = await tx
		.insert(kioskUndeliveredFilings)
		.values({
			estateId: filing.estateId,
			deviceId: filing.deviceId,
			idempotencyKey: filing.idempotencyKey,
			filing: { ...filing.filing },
			problemStatus: filing.problem.status,
			problemTitle: filing.problem.title,
			problemDetail: filing.problem.detail,
			problemCode: filing.problem.code,
			queuedAt: filing.queuedAt,
			status: 'open',
			createdAt: filing.receivedAt,
		})
		.onConflictDoNothing({
			target: [kioskUndeliveredFilings.deviceId, kioskUndeliveredFilings.idempotencyKey],
		})
		.returning({ id: kioskUndeliveredFilings.id });
	return rows[0]?.id ?? null;
}

export async function findUndeliveredFiling(
	db: Executor,
	estateId: string,
	id: string,
): Promise<UndeliveredFiling | null> {
	const [row] = await joinedQuery(db)
		.where(and(eq(kioskUndeliveredFilings.estateId, estateId), eq(kioskUndeliveredFilings.id, id)))
		.limit(1);
	return row ? toUndelivered(row) : null;
}

export async function findUndeliveredFilingByKey(
	db: Executor,
	deviceId: string,
	idempotencyKey: string,
): Promise<UndeliveredFiling | null> {
	const [row] = await joinedQuery(db)
		.where(
			and(
				eq(kioskUndeliveredFilings.deviceId, deviceId),
				eq(kioskUndeliveredFilings.idempotencyKey, idempotencyKey),
			),
		)
		.limit(1);
	return row ? toUndelivered(row) : null;
}

/** The estate's undelivered filings: every open one first (newest first), then the latest handled ones. */
export async function listUndeliveredFilings(
	db: Executor,
	estateId: string,
	limit: number,
): Promise<UndeliveredFiling[]> {
	const rows = await joinedQuery(db)
		.where(eq(kioskUndeliveredFilings.estateId, estateId))
		.orderBy(
			sql`case when ${kioskUndeliveredFilings.status} = 'open' then 0 else 1 end`,
			desc(kioskUndeliveredFilings.createdAt),
			desc(kioskUndeliveredFilings.id),
		)
		.limit(limit);
	return rows.map(toUndelivered);
}

export async function countOpenUndeliveredFilings(db: Executor, estateId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(kioskUndeliveredFilings)
		.where(and(eq(kioskUndeliveredFilings.estateId, estateId), eq(kioskUndeliveredFilings.status, 'open')));
	return row?.n ?? 0;
}

/** Marks an open filing handled; false when it is not open (handled meanwhile, or not in this estate). */
export async function markUndeliveredFilingHandled(
	tx: Executor,
	estateId: string,
	id: string,
	handled: { readonly staffId: string; readonly at: Date; readonly note: string },
): Promise<boolean> {
	const rows = await tx
		.update(kioskUndeliveredFilings)
		.set({ status: 'handled', handledBy: handled.staffId, handledAt: handled.at, handledNote: handled.note })
		.where(
			and(
				eq(kioskUndeliveredFilings.estateId, estateId),
				eq(kioskUndeliveredFilings.id, id),
				eq(kioskUndeliveredFilings.status, 'open'),
			),
		)
		.returning({ id: kioskUndeliveredFilings.id });
	return rows.length > 0;
}
