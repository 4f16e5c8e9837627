import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { calendarDays } from '../schema/index';

/** A dated exception of an estate's working calendar as stored: `working` is a 调休 working day. */
export type StoredCalendarDay = {
	readonly date: string;
	readonly kind: 'holiday' | 'working';
	readonly name: string;
	/** `preset` (the national schedule at creation), `admin` (entered by hand) or `import` (an .ics file). */
	readonly source: string;
};

type Row = typeof calendarDays.$inferSelect;

/** The value an upsert proposed for a column (PostgreSQL's `excluded` row). */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

const toDay = (row: Row): StoredCalendarDay => ({
	date: row.date,
	kind: row.kind === 'working' ? 'working' : 'holiday',
	name: row.name,
	source: row.source,
});

export async function listCalendarDays(
	db: Executor,
	estateId: string,
	range: { readonly from?: string; readonly to?: string } = {},
): Promise<StoredCalendarDay[]> {
	const rows = await db
		.select()
		.from(calendarDays)
		.where(
			and(
				eq(calendarDays.estateId, estateId),
				range.from === undefined ? undefined : gte(calendarDays.date, range.from),
				range.to === undefined ? undefined : lte(calendarDays.date, range.to),
			),
		)
		.orderBy(asc(calendarDays.date));
	return rows.map(toDay);
}

export async function findCalendarDays(
	db: Executor,
	estateId: string,
	dates: readonly string[],
): Promise<StoredCalendarDay[]> {
	if (dates.length === 0) return [];
	const rows = await db
		.select()
		.from(calendarDays)
		.where(and(eq(calendarDays.estateId, estateId), inArray(calendarDays.date, [...dates])));
	return rows.map(toDay);
}

/** Sets the given dates (insert, or replace what the date was), in one statement. */
export async function upsertCalendarDays(
	db: Executor,
	estateId: string,
	days: readonly StoredCalendarDay[],
	at: Date,
): Promise<void> {
	if (days.length === 0) return;
	for (let start = 0; start < days.length; start += 500) {
		const chunk = days.slice(start, start + 500);
		await db
			.insert(calendarDays)
			.values(chunk.map((day) => ({ estateId, ...day, createdAt: at })))
			.onConflictDoUpdate({
				target: [calendarDays.estateId, calendarDays.date],
				set: {
					kind: sqlExcluded('kind'),
					name: sqlExcluded('name'),
					source: sqlExcluded('source'),
					createdAt: sqlExcluded('created_at'),
				},
			});
	}
}

export async function deleteCalendarDay(
	db: Executor,
	estateId: string,
	date: string,
): Promise<StoredCalendarDay | null> {
	const [row] = await db
		.delete(calendarDays)
		.where(and(eq(calendarDays.estateId, estateId), eq(calendarDays.date, date)))
		.returning();
	return row ? toDay(row) : null;
}
