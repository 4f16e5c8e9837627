import { describe, expect, it } from 'vitest';
import { createDice, mulberry32 } from '../seed/random';
import { createPace } from './pace';
import {
	nextPatrolStep,
	openRoundOf,
	planRound,
	setOutDelayMs,
	SKIP_ONE_SHARE,
	type Round,
	type RoundCheckpoint,
} from './patrol.plan';

const at = (time: string) => Date.parse(`2026-03-11T${time}:00+08:00`);
const checkpoint = (sequence: number, state: RoundCheckpoint['state'] = 'upcoming'): RoundCheckpoint => ({
	checkpointId: `cp-${sequence}`,
	name: `巡更点${sequence}`,
	sequence,
	point: [121.545 + sequence / 10_000, 31.205],
	state,
});
const round = (overrides: Partial<Round> = {}): Round => ({
	id: 'round-10',
	routeId: 'perimeter',
	status: 'scheduled',
	startsAt: new Date(at('10:00')).toISOString(),
	windowEndsAt: new Date(at('10:50')).toISOString(),
	checkpoints: [checkpoint(3), checkpoint(1), checkpoint(2), checkpoint(4)],
	...overrides,
});
const draws = (seed = 1) => {
	const dice = createDice(mulberry32(seed));
	return { dice, pace: createPace(dice, 1) };
};

describe('openRoundOf', () => {
	it.each([
		['the round of the route whose window is open', 'perimeter', at('10:20'), 'round-10'],
		['none before the window opens', 'perimeter', at('09:59'), null],
		['none once the window has closed', 'perimeter', at('10:50'), null],
		['none of another route', 'inner', at('10:20'), null],
	])('finds %s', (_, routeId, nowMs, expected) => {
		expect(openRoundOf([round()], routeId, nowMs)?.id ?? null).toBe(expected);
	});

	it('passes by a round that is already over', () => {
		expect(openRoundOf([round({ status: 'completed' })], 'perimeter', at('10:20'))).toBeNull();
		expect(openRoundOf([round({ status: 'in_progress' })], 'perimeter', at('10:20'))?.id).toBe('round-10');
	});
});

describe('setOutDelayMs', () => {
	it('sets out within minutes mostly, a quarter of an hour late now and then, never later than 22 minutes', () => {
		const { dice, pace } = draws();
		const minutes = Array.from({ length: 2_000 }, () => setOutDelayMs(dice, pace) / 60_000);
		const prompt = minutes.filter((minute) => minute < 5).length / minutes.length;
		const late = minutes.filter((minute) => minute >= 14).length / minutes.length;
		expect(prompt).toBeGreaterThan(0.6);
		expect(late).toBeGreaterThan(0.04);
		expect(late).toBeLessThan(0.12);
		expect(Math.max(...minutes)).toBeLessThanOrEqual(22);
	});

	it('is quicker at a higher speed', () => {
		const slow = draws(5);
		const fast = draws(5);
		expect(setOutDelayMs(fast.dice, createPace(fast.dice, 10))).toBeCloseTo(
			setOutDelayMs(slow.dice, slow.pace) / 10,
			6,
		);
	});
});

describe('planRound', () => {
	it('walks what is left of the round in the route’s order, setting out after the round opens', () => {
		const { dice, pace } = draws();
		const plan = planRound(
			round({ checkpoints: [checkpoint(2, 'due'), checkpoint(1, 'visited'), checkpoint(3), checkpoint(4)] }),
			at('10:05'),
			dice,
			pace,
		);
		const walked = [...plan.toVisit.map((cp) => cp.checkpointId), ...(plan.skipped ? [plan.skipped] : [])];
		expect(walked.sort()).toEqual(['cp-2', 'cp-3', 'cp-4']);
		expect(plan.toVisit.map((cp) => cp.sequence)).toEqual([...plan.toVisit.map((cp) => cp.sequence)].sort());
		expect(plan.setOutMs).toBeGreaterThanOrEqual(at('10:05'));
		expect(plan.windowEndsMs).toBe(at('10:50'));
	});

	it('passes one checkpoint by in about one round in eight, never the first', () => {
		const { dice, pace } = draws(9);
		const plans = Array.from({ length: 2_000 }, () => planRound(round(), at('10:00'), dice, pace));
		const skipping = plans.filter((plan) => plan.skipped !== null);
		expect(skipping.length / plans.length).toBeCloseTo(SKIP_ONE_SHARE, 1);
		expect(skipping.every((plan) => plan.skipped !== 'cp-1' && plan.toVisit.length === 3)).toBe(true);
	});
});

describe('nextPatrolStep', () => {
	const plan = {
		roundId: 'round-10',
		windowEndsMs: at('10:50'),
		setOutMs: at('10:04'),
		toVisit: [checkpoint(1), checkpoint(2), checkpoint(4)],
		skipped: 'cp-3',
	};

	it.each([
		['waits until it is time to set out', [], '10:02', { kind: 'wait' }],
		['goes to the first checkpoint', [], '10:04', { kind: 'visit', checkpoint: checkpoint(1) }],
		[
			'goes on to the next one not yet scanned',
			['cp-1'],
			'10:09',
			{ kind: 'visit', checkpoint: checkpoint(2) },
		],
		['passes the skipped one by', ['cp-1', 'cp-2'], '10:15', { kind: 'visit', checkpoint: checkpoint(4) }],
		['is done when all are scanned', ['cp-1', 'cp-2', 'cp-4'], '10:20', { kind: 'done' }],
		['is done when the window closes', ['cp-1'], '10:50', { kind: 'done' }],
	])('%s', (_, scanned, time, expected) => {
		expect(nextPatrolStep(plan, new Set(scanned), at(time))).toEqual(expected);
	});
});
