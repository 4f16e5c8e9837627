import {
	evaluateRound,
	generateRounds,
	type PatrolRound,
	type RoundStatus,
} from '@estate-ops/domain/patrols';
import { addDays, type LocalDate, localDateOf } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import {
	alertsOfRounds,
	findRound,
	insertRounds,
	listRoundsOn,
	listRoundsOpenAt,
	type StoredPatrolRound,
} from '../db/repositories/patrol-round.repository';
import {
	estateTimeZone,
	listPatrolRoutes,
	type StoredPatrolRoute,
} from '../db/repositories/patrol-route.repository';
import { domainScanOf, scansOfRounds, type StoredScan } from '../db/repositories/patrol-scan.repository';
import { roundView, type RoundView } from './patrol-round-view';
import { scanView, type ScanView } from './patrol-scan-view';

/**
 * The rounds of `stored` the domain generates for `dates`, from the route's last edit on: rounds that started
 * before an edit stay as they were stored, and a new route has no rounds before it existed.
 */
export function roundsToStore(
	stored: StoredPatrolRoute,
	dates: readonly LocalDate[],
	timeZone: string,
): PatrolRound[] {
	return dates
		.flatMap((date) => generateRounds(stored.route, date, timeZone))
		.filter((round) => round.startsAt >= stored.updatedAt);
}

/** Yesterday and today in the estate's zone: a night round started yesterday may still be open. */
export const operationalDates = (at: Date, timeZone: string): LocalDate[] => {
	const today = localDateOf(at, timeZone);
	return [addDays(today, -1), today];
};

/** Stores the rounds of a route for `dates` that are not stored yet. */
export async function materialiseRounds(
	tx: Executor,
	stored: StoredPatrolRoute,
	dates: readonly LocalDate[],
	timeZone: string,
): Promise<number> {
	return insertRounds(tx, roundsToStore(stored, dates, timeZone));
}

export type RouteProgress = {
	readonly routeId: string;
	readonly name: string;
	readonly archived: boolean;
	readonly rounds: RoundView[];
	readonly totals: Readonly<Record<RoundStatus, number>> & {
		readonly checkpointsVisited: number;
		readonly checkpointsLate: number;
		readonly checkpointsMissed: number;
	};
};

export type RoundsOfDay = {
	readonly date: LocalDate;
	readonly timeZone: string;
	readonly evaluatedAt: Date;
	readonly routes: RouteProgress[];
	/** Rounds whose window is open now, of any date: the field view's "my round" and the map's live layer. */
	readonly current: RoundView[];
};

export type RoundDetail = {
	readonly round: RoundView;
	readonly scans: ScanView[];
	readonly alerts: { readonly key: string; readonly type: string; readonly raisedAt: Date }[];
};

function totalsOf(rounds: readonly RoundView[]): RouteProgress['totals'] {
	const totals = {
		scheduled: 0,
		in_progress: 0,
		completed: 0,
		completed_with_issues: 0,
		missed: 0,
		checkpointsVisited: 0,
		checkpointsLate: 0,
		checkpointsMissed: 0,
	};
	for (const round of rounds) {
		totals[round.status] += 1;
		totals.checkpointsVisited += round.counts.visited;
		totals.checkpointsLate += round.counts.late;
		totals.checkpointsMissed += round.counts.missed;
	}
	return totals;
}

/** Reading rounds: a day's progress per route, the rounds open now, one round with its scans. */
export function createPatrolRoundService(deps: { readonly db: Database; readonly now: () => Date }) {
	const { db, now } = deps;

	async function requireTimeZone(estateId: string): Promise<string> {
		const timeZone = await estateTimeZone(db, estateId);
		if (!timeZone)
			throw new Error(`estate ${estateId} has no row: principals are only issued for existing estates`);
		return timeZone;
	}

	function evaluate(
		rounds: readonly StoredPatrolRound[],
		scans: readonly StoredScan[],
		routes: ReadonlyMap<string, StoredPatrolRoute>,
		at: Date,
	): RoundView[] {
		return rounds.map((stored) => {
			const route = routes.get(stored.round.routeId);
			const evaluation = evaluateRound(
				stored.round,
				scans.filter((scan) => scan.roundId === stored.round.id).map(domainScanOf),
				at,
			);
			return roundView(stored, route?.route.name ?? '', route?.zoneOf ?? new Map(), evaluation);
		});
	}

	return {
		/**
		 * Every route's rounds of `date` (the estate's local date a round starts on), each checkpoint visited,
		 * late, missed, due or upcoming as of now. Days to come show the rounds the routes will generate.
		 */
		async roundsOn(estateId: string, date: LocalDate | undefined): Promise<RoundsOfDay> {
			const at = now();
			const timeZone = await requireTimeZone(estateId);
			const day = date ?? localDateOf(at, timeZone);
			const [routes, stored, open] = await Promise.all([
				listPatrolRoutes(db, estateId, { includeArchived: true }),
				listRoundsOn(db, estateId, day),
				listRoundsOpenAt(db, estateId, at),
			]);
			const storedIds = new Set(stored.map((entry) => entry.round.id));
			const upcoming: StoredPatrolRound[] =
				day > localDateOf(at, timeZone)
					? routes
							.filter((route) => route.archivedAt === null)
							.flatMap((route) => roundsToStore(route, [day], timeZone))
							.filter((round) => !storedIds.has(round.id))
							.map((round) => ({
								round,
								assigneeId: null,
								status: 'scheduled',
								completion: 0,
								closedAt: null,
							}))
					: [];
			const rounds = [...stored, ...upcoming];
			const scans = await scansOfRounds(db, [
				...new Set([...rounds, ...open].map((entry) => entry.round.id)),
			]);
			const byId = new Map(routes.map((route) => [route.route.id as string, route]));
			const views = evaluate(rounds, scans, byId, at);
			const withRounds = new Set(views.map((view) => view.routeId));
			return {
				date: day,
				timeZone,
				evaluatedAt: at,
				routes: routes
					.filter((route) => route.archivedAt === null || withRounds.has(route.route.id))
					.map((route) => {
						const own = views
							.filter((view) => view.routeId === route.route.id)
							.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
						return {
							routeId: route.route.id,
							name: route.route.name,
							archived: route.archivedAt !== null,
							rounds: own,
							totals: totalsOf(own),
						};
					}),
				current: evaluate(open, scans, byId, at),
			};
		},

		/** One round with every scan it received (counted or not) and the alerts it raised. */
		async round(estateId: string, id: string): Promise<RoundDetail | null> {
			const stored = await findRound(db, estateId, id);
			if (!stored) return null;
			const [routes, scans, alerts] = await Promise.all([
				listPatrolRoutes(db, estateId, { includeArchived: true, ids: [stored.round.routeId] }),
				scansOfRounds(db, [id]),
				alertsOfRounds(db, [id]),
			]);
			const byId = new Map(routes.map((route) => [route.route.id as string, route]));
			const [view] = evaluate([stored], scans, byId, now());
			if (!view) return null;
			return {
				round: view,
				scans: scans.map(scanView),
				alerts: alerts.map((alert) => ({ key: alert.key, type: alert.type, raisedAt: alert.raisedAt })),
			};
		},
	};
}

export type PatrolRoundService = ReturnType<typeof createPatrolRoundService>;
