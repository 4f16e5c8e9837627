import { and, asc, eq, like } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { events } from '../../db/schema/index';

/** An instant by the estate's wall clock (Asia/Shanghai, +08:00, no DST). */
export const shanghai = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

/**
 * A route around the central garden: three checkpoints due 15, 30 and 45 minutes into a one-hour round, late
 * 10 minutes after; rounds every 2 hours by day (06:00–22:00) and every 3 hours by night (22:00–06:00).
 * `prefix` keeps codes apart when a test makes several routes in one estate.
 */
export const gardenRouteBody = (prefix = 'G', overrides: Record<string, unknown> = {}) => ({
	name: '中心花园线',
	checkpoints: [
		{ name: '南门', code: `${prefix}-GATE-7F3A`, point: [121.4737, 31.2304], expectedMinute: 15 },
		{ name: '景观水池', code: `${prefix}-POND-91BC`, point: [121.4747, 31.2314], expectedMinute: 30 },
		{ name: '会所', code: `${prefix}-CLUB-2D44`, point: [121.4757, 31.2324], expectedMinute: 45 },
	],
	day: { start: '06:00', end: '22:00', intervalHours: 2 },
	night: { start: '22:00', end: '06:00', intervalHours: 3 },
	windowMinutes: 60,
	toleranceMinutes: 10,
	...overrides,
});

/** The outbox rows of an estate whose type starts with `prefix`, in `seq` order. */
export async function outbox(db: Database, estateId: string, prefix = '') {
	return db
		.select()
		.from(events)
		.where(and(eq(events.estateId, estateId), like(events.type, `${prefix}%`)))
		.orderBy(asc(events.seq));
}
