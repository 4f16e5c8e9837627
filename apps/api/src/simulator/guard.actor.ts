import type { Position } from '@estate-ops/domain/estate';
import type { PatrolFindingKind } from '@estate-ops/domain/patrols';
import type { Dice } from '../seed/random';
import { isRefusal, type SimulatedActor } from './actor';
import type { EstatePicture, PatrolRoutePicture } from './estate-picture';
import type { FieldPhone } from './field-phone';
import type { Pace } from './pace';
import {
	nextPatrolStep,
	openRoundOf,
	planRound,
	type Round,
	type RoundCheckpoint,
	type RoundPlan,
} from './patrol.plan';
import { offsetMetres, planWalk, standStill, walkAt, type Walk } from './walk';

/**
 * A simulated guard (保安). One walks each patrol route: waits at its first checkpoint, sets out when a round
 * opens and scans every plate on the way (`POST /api/v1/patrols/scans`); the others stand at a gate's post
 * or walk about the estate, and now and then their phone drops off the network for a few minutes.
 */
export type GuardDuty =
	| { readonly kind: 'route'; readonly route: PatrolRoutePicture }
	| { readonly kind: 'post'; readonly at: Position }
	| { readonly kind: 'roam'; readonly waypoints: readonly Position[] };

/** How often a guard off the routes loses the network, per hour; and for how long (past the 2-minute stale mark). */
const SILENCES_PER_HOUR = 0.4;
const SILENCE_MS: readonly [number, number] = [150_000, 330_000];

/** Share of scans that come with a finding for the patrol log, and what guards find. */
const FINDING_SHARE = 0.04;
const FINDINGS: readonly (readonly [PatrolFindingKind, string])[] = [
	['facility', '路灯不亮，已拍照上报'],
	['fire_safety', '消防通道有杂物堆放，已通知业主清理'],
	['damage', '围墙护栏有一处松动'],
	['cleanliness', '垃圾桶满溢，已通知保洁'],
	['security', '发现外卖电动车停在消防通道，已劝离'],
];

export function createGuard(input: {
	readonly phone: FieldPhone;
	readonly duty: GuardDuty;
	readonly picture: EstatePicture;
	readonly dice: Dice;
	readonly pace: Pace;
	readonly startMs: number;
}): SimulatedActor {
	const { phone, duty, dice, pace } = input;
	const codes = new Map(
		duty.kind === 'route'
			? duty.route.checkpoints.map((checkpoint) => [checkpoint.checkpointId, checkpoint.code])
			: [],
	);
	const home: Position =
		duty.kind === 'route'
			? offsetMetres(duty.route.checkpoints[0]?.point ?? input.picture.clubhouse, 4, -3)
			: duty.kind === 'post'
				? duty.at
				: (duty.waypoints[0] ?? input.picture.clubhouse);
	// Standing a step or two from a plate, as one does to hold a phone to it.
	const atPlate = (point: Position): Position => offsetMetres(point, dice.float(-2, 2), dice.float(-2, 2));

	let walk: Walk = standStill(home, input.startMs);
	let restUntilMs = input.startMs;
	let lastTickMs = input.startMs;
	let nextLookMs = input.startMs;
	let plan: RoundPlan | null = null;
	let target: RoundCheckpoint | null = null;
	const scanned = new Set<string>();
	const finishedRounds = new Set<string>();

	const scan = async (checkpoint: RoundCheckpoint, nowMs: number, point: Position): Promise<void> => {
		const code = codes.get(checkpoint.checkpointId);
		if (code === undefined) return;
		const finding = dice.chance(FINDING_SHARE) ? dice.pick(FINDINGS) : null;
		try {
			await phone.api.post('/api/v1/patrols/scans', {
				checkpointCode: code,
				scannedAt: new Date(nowMs).toISOString(),
				lng: point[0],
				lat: point[1],
				accuracyM: Math.round(dice.float(3, 8) * 10) / 10,
				method: 'qr',
				...(finding ? { findings: [{ kind: finding[0], text: finding[1] }] } : {}),
			});
		} catch (error) {
			// The round closed meanwhile, or the route changed: walk on.
			if (!isRefusal(error)) throw error;
		}
	};

	/** A walk to somewhere near, at a stroll, then a rest there. */
	const strollTo = (from: Position, to: Position, nowMs: number, restMs: number): void => {
		walk = planWalk(from, [to], nowMs, 0.8);
		restUntilMs = walk.endMs + restMs;
	};

	const patrol = async (route: PatrolRoutePicture, nowMs: number, here: Position, arrived: boolean) => {
		if (plan) {
			if (target) {
				if (!arrived) return;
				await scan(target, nowMs, here);
				scanned.add(target.checkpointId);
				target = null;
				walk = standStill(here, nowMs);
				restUntilMs = nowMs + pace.between(15_000, 60_000);
				return;
			}
			if (nowMs < restUntilMs) return;
			const step = nextPatrolStep(plan, scanned, nowMs);
			switch (step.kind) {
				case 'wait':
					return;
				case 'visit':
					target = step.checkpoint;
					walk = planWalk(here, [atPlate(step.checkpoint.point)], nowMs);
					return;
				case 'done':
					finishedRounds.add(plan.roundId);
					plan = null;
					walk = planWalk(here, [home], nowMs);
					restUntilMs = walk.endMs;
					return;
			}
		}
		if (nowMs >= nextLookMs) {
			nextLookMs = nowMs + pace.between(45_000, 75_000);
			const { current } = await phone.api.get<{ current: Round[] }>('/api/v1/patrols/rounds');
			const round = openRoundOf(current, route.id, nowMs);
			if (round && !finishedRounds.has(round.id)) {
				plan = planRound(round, nowMs, dice, pace);
				scanned.clear();
				return;
			}
		}
		// Between rounds: about the guard room.
		if (arrived && nowMs >= restUntilMs)
			strollTo(
				here,
				offsetMetres(home, dice.float(-8, 8), dice.float(-8, 8)),
				nowMs,
				pace.between(60_000, 180_000),
			);
	};

	return {
		label: `guard ${phone.name}`,
		async tick(nowMs) {
			await phone.track((atMs) => walkAt(walk, atMs), nowMs);
			const elapsedMs = nowMs - lastTickMs;
			lastTickMs = nowMs;
			const { point: here, arrived } = walkAt(walk, nowMs);
			switch (duty.kind) {
				case 'route':
					await patrol(duty.route, nowMs, here, arrived);
					return;
				case 'post':
				case 'roam': {
					if (!phone.isSilent(nowMs) && pace.happens(SILENCES_PER_HOUR, elapsedMs))
						phone.goSilent(nowMs + dice.float(SILENCE_MS[0], SILENCE_MS[1]));
					if (!arrived || nowMs < restUntilMs) return;
					if (duty.kind === 'post') {
						strollTo(
							here,
							offsetMetres(duty.at, dice.float(-6, 6), dice.float(-6, 6)),
							nowMs,
							pace.between(60_000, 240_000),
						);
					} else {
						strollTo(here, atPlate(dice.pick(duty.waypoints)), nowMs, pace.between(30_000, 120_000));
					}
					return;
				}
			}
		},
	};
}
