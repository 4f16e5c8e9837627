import { evaluateRound, patrolAlerts, patrolLateAlerts } from '@estate-ops/domain/patrols';
import type { Database, Executor } from '../db/database';
import type { NewOutboxEvent } from '../db/repositories/event.repository';
import {
	insertPatrolAlertKeys,
	listUnclosedRounds,
	updateRoundProgress,
} from '../db/repositories/patrol-round.repository';
import { estateTimeZone, listPatrolRoutes } from '../db/repositories/patrol-route.repository';
import { domainScanOf, scansOfRounds } from '../db/repositories/patrol-scan.repository';
import { listEstateIds } from '../db/repositories/sla-watch.repository';
import {
	isFinal,
	patrolAlertEvent,
	roundClosedEvent,
	roundClosedKey,
	type RoundContext,
} from './patrol-alert-events';
import { materialiseRounds, operationalDates } from './patrol-round.service';

export type PatrolWatchServiceDeps = {
	readonly db: Database;
	readonly appendEvents: (tx: Executor, events: readonly NewOutboxEvent[]) => Promise<unknown>;
};

/** What one pass did, for logs and tests. */
export type PatrolWatchScan = {
	readonly estates: number;
	/** Rounds stored by this pass (the day's rounds appear once, at the first pass of the day). */
	readonly scheduled: number;
	readonly evaluated: number;
	/** Alerts this pass raised (late, missed, closed); those another pass raised first are not counted. */
	readonly raised: number;
	readonly closed: number;
	readonly failures: readonly { readonly estateId: string; readonly error: unknown }[];
};

type Pending = {
	readonly key: string;
	readonly roundId: string;
	readonly type: string;
	readonly at: Date;
	readonly event: NewOutboxEvent;
};

/**
 * The patrol watch: stores the rounds of yesterday and today for every active route (the domain generates
 * them in the estate's time zone), evaluates every round that has started and is not closed yet, raises each
 * late and missed alert once (the `patrol_alerts` key), and closes rounds that are over. Rounds are not given
 * to a guard: the domain has no rule for picking one, so whoever is on duty walks them.
 */
export function createPatrolWatchService(deps: PatrolWatchServiceDeps) {
	const { db } = deps;

	async function scanEstate(
		estateId: string,
		at: Date,
	): Promise<Omit<PatrolWatchScan, 'estates' | 'failures'>> {
		const timeZone = await estateTimeZone(db, estateId);
		if (!timeZone) return { scheduled: 0, evaluated: 0, raised: 0, closed: 0 };
		const routes = await listPatrolRoutes(db, estateId, { includeArchived: true });
		let scheduled = 0;
		for (const route of routes) {
			if (route.archivedAt !== null) continue;
			scheduled += await materialiseRounds(db, route, operationalDates(at, timeZone), timeZone);
		}

		const open = await listUnclosedRounds(db, estateId, at);
		const scans = await scansOfRounds(
			db,
			open.map((entry) => entry.round.id),
		);
		const nameOf = new Map(routes.map((route) => [route.route.id as string, route.route.name]));
		const pending: Pending[] = [];
		const progress: {
			id: string;
			status: ReturnType<typeof evaluateRound>['status'];
			completion: number;
			closes: boolean;
		}[] = [];
		for (const stored of open) {
			const { round } = stored;
			const evaluation = evaluateRound(
				round,
				scans.filter((scan) => scan.roundId === round.id).map(domainScanOf),
				at,
			);
			const context: RoundContext = { round, routeName: nameOf.get(round.routeId) ?? '' };
			for (const alert of [...patrolLateAlerts(evaluation), ...patrolAlerts(null, evaluation)]) {
				pending.push({
					key: alert.key,
					roundId: round.id,
					type: alert.type,
					at: alert.at,
					event: patrolAlertEvent(alert, context, at),
				});
			}
			const closes = isFinal(evaluation);
			if (closes) {
				pending.push({
					key: roundClosedKey(round.id),
					roundId: round.id,
					type: 'patrol.roundClosed',
					at,
					event: roundClosedEvent(evaluation, context, at),
				});
			}
			if (closes || evaluation.status !== stored.status || evaluation.completion !== stored.completion) {
				progress.push({ id: round.id, status: evaluation.status, completion: evaluation.completion, closes });
			}
		}

		if (pending.length === 0 && progress.length === 0)
			return { scheduled, evaluated: open.length, raised: 0, closed: 0 };
		const raised = await db.transaction(async (tx) => {
			const fresh = await insertPatrolAlertKeys(
				tx,
				pending.map(({ key, roundId, type, at: alertAt }) => ({ key, estateId, roundId, type, at: alertAt })),
			);
			for (const entry of progress) {
				await updateRoundProgress(tx, {
					id: entry.id,
					status: entry.status,
					completion: entry.completion,
					closedAt: entry.closes ? at : null,
				});
			}
			const events = pending.filter((entry) => fresh.has(entry.key)).map((entry) => entry.event);
			await deps.appendEvents(tx, events);
			return events.length;
		});
		return {
			scheduled,
			evaluated: open.length,
			raised,
			closed: progress.filter((entry) => entry.closes).length,
		};
	}

	return {
		scanEstate,
		/** One pass over every estate, each on its own (one estate's failure does not hold up the others). */
		async scanAll(at: Date): Promise<PatrolWatchScan> {
			const estateIds = await listEstateIds(db);
			const total = { scheduled: 0, evaluated: 0, raised: 0, closed: 0 };
			const failures: { estateId: string; error: unknown }[] = [];
			for (const estateId of estateIds) {
				try {
					const scan = await scanEstate(estateId, at);
					total.scheduled += scan.scheduled;
					total.evaluated += scan.evaluated;
					total.raised += scan.raised;
					total.closed += scan.closed;
				} catch (error) {
					failures.push({ estateId, error });
				}
			}
			return { estates: estateIds.length, ...total, failures };
		},
	};
}

export type PatrolWatchService = ReturnType<typeof createPatrolWatchService>;
