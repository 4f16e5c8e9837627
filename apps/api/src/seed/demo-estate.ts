import type { Position } from '@estate-ops/domain/estate';
import { DEFAULT_SLA_RULES } from '@estate-ops/domain/sla';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database';
import { estates } from '../db/schema/index';
import { demoWorkingCalendar, mainlandCalendarDays, seedSlaSettings } from './calendar';
import { seedDutyRoster } from './duty-roster';
import { positionsOf } from './geometry';
import { seedNotices } from './notices';
import type { RandomSource } from './random';
import { createDice } from './random';
import { seedResidents } from './residents';
import { DEMO_ESTATE, seedSitePlan } from './site-plan';
import { seedCleaningPlans } from './cleaning-plans';
import { seedPatrolRoutes } from './patrol-plan';
import type { DemoLogin } from './staff';
import { seedStaff } from './staff';
import { seedWorkOrders } from './work-orders';
import { HISTORY_DAYS } from './work-order-simulation';

export type DemoEstateDeps = {
	readonly now: Date;
	/** Seedable, e.g. `mulberry32(DEMO_SEED)`: with the same `now` the demo comes out the same. */
	readonly random: RandomSource;
	/** argon2id in production; only the demo logins and one shared hash are computed. */
	readonly hashPassword: (plain: string) => Promise<string>;
	/** AES-256-GCM in production: residents' phone and ID numbers. */
	readonly encryptField: (plain: string) => string;
};

export type DemoEstateCounts = {
	readonly buildings: number;
	readonly units: number;
	readonly rooms: number;
	readonly mapFeatures: number;
	readonly zones: number;
	readonly patrolRoutes: number;
	readonly checkpoints: number;
	readonly staff: number;
	readonly households: number;
	readonly residents: number;
	readonly notices: number;
	readonly calendarDays: number;
	readonly dutyShifts: number;
	readonly workOrders: number;
	readonly openWorkOrders: number;
	readonly workOrderHistory: number;
};

export type DemoEstateSummary = {
	readonly estateId: string;
	readonly code: string;
	readonly name: string;
	readonly logins: readonly DemoLogin[];
	readonly counts: DemoEstateCounts;
};

/** Whether the demo estate (code `YJHT`) is already there. */
export async function hasDemoEstate(db: Executor): Promise<boolean> {
	const [row] = await db
		.select({ id: estates.id })
		.from(estates)
		.where(eq(estates.code, DEMO_ESTATE.code))
		.limit(1);
	return row !== undefined;
}

/**
 * Seeds the demo estate 御景华庭 (Imperial Garden Residences) in one transaction: the site plan and map,
 * zones and patrol routes, staff of every role with demo logins, residents, notices, SLA settings with the
 * mainland holiday calendar, and three months of work orders with their history. Returns null, and writes
 * nothing, when the demo estate already exists; an advisory lock keeps two instances starting together on
 * one PostgreSQL from both seeding.
 */
export async function seedDemoEstate(db: Database, deps: DemoEstateDeps): Promise<DemoEstateSummary | null> {
	const { now } = deps;
	const dice = createDice(deps.random);
	const timeZone = DEMO_ESTATE.timeZone;
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('estate-ops:demo-estate'))`);
		if (await hasDemoEstate(tx)) return null;

		const site = await seedSitePlan(tx, dice, now);
		const { estateId } = site;
		await seedPatrolRoutes(tx, { routes: site.patrolRoutes, zones: site.zones, now });
		await seedCleaningPlans(tx, { estateId, zones: site.zones, now });
		const { staff, logins } = await seedStaff(tx, dice, {
			estateId,
			towers: site.towers,
			clubhouse: site.clubhouse,
			now,
			hashPassword: deps.hashPassword,
		});
		const households = await seedResidents(tx, dice, {
			estateId,
			rooms: site.rooms,
			now,
			timeZone,
			encryptField: deps.encryptField,
		});

		const historyStart = new Date(now.getTime() - (HISTORY_DAYS + 1) * 86_400_000);
		const years = [...new Set([2025, 2026, historyStart.getUTCFullYear(), now.getUTCFullYear()])].sort();
		const days = mainlandCalendarDays(years);
		await seedSlaSettings(tx, { estateId, days, now });
		const calendar = demoWorkingCalendar(days, timeZone);
		const dutyShifts = await seedDutyRoster(tx, { estateId, staff, now });

		const manager = staff.find((member) => member.roles.includes('manager'));
		const notices = await seedNotices(tx, {
			estateId,
			now,
			timeZone,
			towers: site.towers,
			authorId: manager?.id ?? staff[0]?.id ?? '',
			days,
		});

		const places = new Map<string, Position>([
			['会所', site.clubhouse.centre],
			...site.layout.features
				.filter((feature) => ['gate', 'parking_entrance', 'playground', 'green'].includes(feature.kind))
				.map((feature): [string, Position] => [feature.name, centroid(positionsOf(feature.geometry))]),
		]);
		const workOrders = await seedWorkOrders(tx, {
			dice,
			estateId,
			now,
			timeZone,
			rules: DEFAULT_SLA_RULES,
			calendar,
			towers: site.towers,
			clubhouse: site.clubhouse,
			rooms: site.rooms,
			households,
			staff,
			places,
		});

		return {
			estateId,
			code: DEMO_ESTATE.code,
			name: DEMO_ESTATE.name,
			logins,
			counts: {
				buildings: site.buildings.length,
				units: site.unitCount,
				rooms: site.rooms.length,
				mapFeatures: site.mapFeatureCount,
				zones: site.zones.length,
				patrolRoutes: site.patrolRoutes.length,
				checkpoints: site.patrolRoutes.reduce((sum, route) => sum + route.checkpoints.length, 0),
				staff: staff.length,
				households: households.length,
				residents: households.reduce((sum, household) => sum + household.residents.length, 0),
				notices: notices.length,
				calendarDays: days.length,
				dutyShifts,
				...workOrders,
			},
		};
	});
}

/** The lines a person starting the demo looks for: what was seeded and how to sign in. */
export function describeDemoEstate(summary: DemoEstateSummary): string {
	const { counts } = summary;
	const width = Math.max(...summary.logins.map((login) => login.username.length));
	return [
		`Demo estate ${summary.name} (${summary.code}) seeded: ${counts.buildings} buildings, ${counts.rooms} rooms, ${counts.residents} residents, ${counts.staff} staff, ${counts.workOrders} work orders (${counts.openWorkOrders} open).`,
		`Demo logins (password ${summary.logins[0]?.password ?? ''}):`,
		...summary.logins.map((login) => `  ${login.username.padEnd(width)}  ${login.roles.join(', ')}`),
	].join('\n');
}

function centroid(positions: readonly Position[]): Position {
	// A closed ring repeats its first corner; leave it out so it does not pull the centre.
	const first = positions[0];
	const last = positions.at(-1);
	const distinct =
		positions.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]
			? positions.slice(0, -1)
			: positions;
	const lng = distinct.reduce((sum, p) => sum + p[0], 0) / distinct.length;
	const lat = distinct.reduce((sum, p) => sum + p[1], 0) / distinct.length;
	return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}
