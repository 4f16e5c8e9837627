import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import { parseIcsCalendar, WeeklyHours, type IcsSkippedEvent } from '@estate-ops/domain/sla';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/database';
import { appendAudit, type AuditActor } from '../db/repositories/audit.repository';
import {
	deleteCalendarDay,
	findCalendarDays,
	listCalendarDays,
	upsertCalendarDays,
	type StoredCalendarDay,
} from '../db/repositories/calendar.repository';
import { estates, slaSettings } from '../db/schema/index';
import type { OutboxEvent } from './work-order.service';

export type CalendarServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly appendEvents: (tx: Executor, events: readonly OutboxEvent[]) => Promise<unknown>;
};

/** A day as the api shows it: `workday` is a 调休 working day on what would be a rest day. */
export type CalendarDayView = {
	readonly date: string;
	readonly kind: 'holiday' | 'workday';
	readonly name: string;
	readonly source: string;
};

export type CalendarView = {
	readonly timeZone: string;
	readonly week: WeeklyHours;
	readonly days: readonly CalendarDayView[];
};

export type CalendarImport = {
	readonly dryRun: boolean;
	readonly days: readonly (CalendarDayView & { readonly replaces: CalendarDayView | null })[];
	readonly skipped: readonly IcsSkippedEvent[];
};

const STANDARD_WEEK: WeeklyHours = {
	mon: [{ start: '09:00', end: '18:00' }],
	tue: [{ start: '09:00', end: '18:00' }],
	wed: [{ start: '09:00', end: '18:00' }],
	thu: [{ start: '09:00', end: '18:00' }],
	fri: [{ start: '09:00', end: '18:00' }],
	sat: [],
	sun: [],
};

// `calendar_days.kind` says `working` (as the SLA context reads it); the api says `workday`, as .ics feeds do.
const toView = (day: StoredCalendarDay): CalendarDayView => ({
	date: day.date,
	kind: day.kind === 'working' ? 'workday' : 'holiday',
	name: day.name,
	source: day.source,
});
const toStored = (kind: 'holiday' | 'workday'): StoredCalendarDay['kind'] =>
	kind === 'workday' ? 'working' : 'holiday';

const estateNotFound = (): Result<never, DomainError> => err('ESTATE.NOT_FOUND', 'No such estate.');

/**
 * An estate's working calendar (工作日历) as its administrators keep it: the preset national schedule, days added
 * or removed by hand, and days imported from an .ics file. Every change is audited and announced
 * (`calendar.changed`), and SLA deadlines follow at the watch's next pass. Callers scope `estateId` to the
 * principal's own estate.
 */
export function createCalendarService(deps: CalendarServiceDeps) {
	const { db, now } = deps;

	async function timeZoneOf(estateId: string): Promise<string | null> {
		const [row] = await db
			.select({ timeZone: estates.timeZone })
			.from(estates)
			.where(eq(estates.id, estateId));
		return row?.timeZone ?? null;
	}

	async function changed(
		estateId: string,
		actor: AuditActor,
		action: string,
		details: Record<string, unknown>,
		requestId: string | null,
		write: (tx: Executor) => Promise<void>,
	): Promise<void> {
		const at = now();
		await db.transaction(async (tx) => {
			await write(tx);
			await appendAudit(tx, {
				estateId,
				actor,
				action,
				subjectType: 'calendar',
				subjectId: estateId,
				details,
				requestId,
				at,
			});
			await deps.appendEvents(tx, [
				{
					estateId,
					type: 'calendar.changed',
					aggregateType: 'calendar',
					aggregateId: estateId,
					payload: { action, ...details },
					at,
				},
			]);
		});
	}

	return {
		async view(
			estateId: string,
			range: { readonly from?: string; readonly to?: string },
		): Promise<Result<CalendarView, DomainError>> {
			const timeZone = await timeZoneOf(estateId);
			if (timeZone === null) return estateNotFound();
			const [settings] = await db
				.select({ week: slaSettings.workingWeek })
				.from(slaSettings)
				.where(eq(slaSettings.estateId, estateId));
			const week = WeeklyHours.safeParse(settings?.week);
			const days = await listCalendarDays(db, estateId, range);
			return ok({ timeZone, week: week.success ? week.data : STANDARD_WEEK, days: days.map(toView) });
		},

		async setDay(
			estateId: string,
			date: string,
			day: { readonly kind: 'holiday' | 'workday'; readonly name: string },
			actor: AuditActor,
			requestId: string | null,
		): Promise<Result<{ day: CalendarDayView; created: boolean }, DomainError>> {
			if ((await timeZoneOf(estateId)) === null) return estateNotFound();
			const [before] = await findCalendarDays(db, estateId, [date]);
			const stored: StoredCalendarDay = { date, kind: toStored(day.kind), name: day.name, source: 'admin' };
			await changed(
				estateId,
				actor,
				'calendar.daySet',
				{ date, before: before ? toView(before) : null, after: toView(stored) },
				requestId,
				(tx) => upsertCalendarDays(tx, estateId, [stored], now()),
			);
			return ok({ day: toView(stored), created: before === undefined });
		},

		async removeDay(
			estateId: string,
			date: string,
			actor: AuditActor,
			requestId: string | null,
		): Promise<Result<CalendarDayView, DomainError>> {
			const [before] = await findCalendarDays(db, estateId, [date]);
			if (!before) return err('CALENDAR.DAY_NOT_FOUND', `${date} is an ordinary day of this calendar.`);
			await changed(
				estateId,
				actor,
				'calendar.dayRemoved',
				{ date, before: toView(before) },
				requestId,
				async (tx) => {
					await deleteCalendarDay(tx, estateId, date);
				},
			);
			return ok(toView(before));
		},

		/**
		 * Reads an .ics file (all-day events: holidays, or working days when marked 班/上班/workday) and sets its
		 * dates; with `dryRun` it only says what would change, for the preview.
		 */
		async importIcs(
			estateId: string,
			text: string,
			options: { readonly dryRun: boolean; readonly actor: AuditActor; readonly requestId: string | null },
		): Promise<Result<CalendarImport, DomainError>> {
			if ((await timeZoneOf(estateId)) === null) return estateNotFound();
			const parsed = parseIcsCalendar(text);
			if (!parsed.ok) return parsed;
			const { days, skipped } = parsed.value;
			const existing = new Map(
				(
					await findCalendarDays(
						db,
						estateId,
						days.map((day) => day.date),
					)
				).map((day) => [day.date, day]),
			);
			const source = 'import';
			const result = days.map((day) => {
				const replaced = existing.get(day.date);
				return {
					date: day.date,
					kind: day.kind,
					name: day.name,
					source,
					replaces: replaced ? toView(replaced) : null,
				};
			});
			if (!options.dryRun && days.length > 0) {
				await changed(
					estateId,
					options.actor,
					'calendar.imported',
					{ days: days.length, from: days[0]?.date, to: days.at(-1)?.date, skipped: skipped.length },
					options.requestId,
					(tx) =>
						upsertCalendarDays(
							tx,
							estateId,
							days.map((day) => ({ date: day.date, kind: toStored(day.kind), name: day.name, source })),
							now(),
						),
				);
			}
			return ok({ dryRun: options.dryRun, days: result, skipped });
		},
	};
}

export type CalendarService = ReturnType<typeof createCalendarService>;
