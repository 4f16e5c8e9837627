import { describe, expect, it } from 'vitest';
import { gardenRoute } from './patrol-fixtures';
import { PatrolPeriod, PatrolRoute, expectedMinutes, periodSpan } from './patrol-route';

const validInput = () => ({
	id: 'route-1',
	estateId: 'estate-1',
	name: '一号线',
	checkpoints: [
		{ checkpointId: 'cp-1', name: '一号', code: 'A1', point: [121.47, 31.23] },
		{ checkpointId: 'cp-2', name: '二号', code: 'B2', point: [121.48, 31.23] },
	],
	day: { start: '06:00', end: '22:00', intervalHours: 2 },
	night: { start: '22:00', end: '06:00', intervalHours: 3 },
	windowMinutes: 60,
});

const issuesOf = (input: unknown): string[] => {
	const result = PatrolRoute.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('PatrolRoute', () => {
	it('accepts a route and fills in defaults', () => {
		const route = PatrolRoute.parse(validInput());
		expect(route.toleranceMinutes).toBe(10);
		expect(route.checkpoints[0]?.radiusMetres).toBe(50);
	});

	it.each<[string, (input: ReturnType<typeof validInput>) => unknown, string]>([
		[
			'duplicate checkpoint codes',
			(input) => ({
				...input,
				checkpoints: input.checkpoints.map((checkpoint) => ({ ...checkpoint, code: 'SAME' })),
			}),
			'checkpoint codes must be unique',
		],
		[
			'a checkpoint listed twice',
			(input) => ({
				...input,
				checkpoints: input.checkpoints.map((checkpoint) => ({ ...checkpoint, checkpointId: 'cp-1' })),
			}),
			'a checkpoint appears only once on a route',
		],
		['an empty route', (input) => ({ ...input, checkpoints: [] }), 'a route needs at least one checkpoint'],
		[
			'a period that starts when it ends',
			(input) => ({ ...input, day: { start: '06:00', end: '06:00', intervalHours: 2 } }),
			'a period must not start and end at the same time',
		],
		[
			'a period starting at 24:00',
			(input) => ({ ...input, night: null, day: { start: '24:00', end: '06:00', intervalHours: 2 } }),
			'a period cannot start at 24:00',
		],
		[
			'an interval of part of a minute',
			(input) => ({ ...input, day: { ...input.day, intervalHours: 0.51 } }),
			'the interval must be whole minutes',
		],
		[
			'overlapping day and night',
			(input) => ({ ...input, night: { start: '21:00', end: '07:00', intervalHours: 3 } }),
			'day and night periods overlap',
		],
		[
			'a window longer than the interval',
			(input) => ({ ...input, windowMinutes: 150 }),
			'the round window is longer than the interval between rounds',
		],
		[
			'expected minutes for only some checkpoints',
			(input) => ({
				...input,
				checkpoints: [{ ...input.checkpoints[0], expectedMinute: 10 }, input.checkpoints[1]],
			}),
			'give expectedMinute for every checkpoint or for none',
		],
		[
			'expected minutes out of route order',
			(input) => ({
				...input,
				checkpoints: [
					{ ...input.checkpoints[0], expectedMinute: 40 },
					{ ...input.checkpoints[1], expectedMinute: 20 },
				],
			}),
			'expected minutes must follow the order of the route',
		],
		[
			'a checkpoint expected after the window',
			(input) => ({
				...input,
				checkpoints: [
					{ ...input.checkpoints[0], expectedMinute: 20 },
					{ ...input.checkpoints[1], expectedMinute: 61 },
				],
			}),
			'a checkpoint cannot be expected after the round window closes',
		],
	])('rejects %s', (_, change, message) => {
		expect(issuesOf(change(validInput()))).toContain(message);
	});

	it('accepts day and night that touch at their ends', () => {
		expect(issuesOf({ ...validInput(), night: { start: '22:00', end: '06:00', intervalHours: 4 } })).toEqual(
			[],
		);
	});

	it('accepts a round-the-clock day period with no night period', () => {
		expect(
			issuesOf({ ...validInput(), night: null, day: { start: '00:00', end: '24:00', intervalHours: 2 } }),
		).toEqual([]);
	});

	it('accepts a route with no night rounds', () => {
		expect(issuesOf({ ...validInput(), night: null })).toEqual([]);
	});
});

describe('periodSpan', () => {
	it.each<[string, string, number, number]>([
		['06:00', '22:00', 360, 1320],
		['22:00', '06:00', 1320, 1800],
		['00:00', '24:00', 0, 1440],
	])('reads %s–%s as minutes %i to %i', (start, end, from, to) => {
		expect(periodSpan(PatrolPeriod.parse({ start, end, intervalHours: 1 }))).toEqual({
			start: from,
			end: to,
			interval: 60,
		});
	});
});

describe('expectedMinutes', () => {
	it('uses the stated minutes', () => {
		expect(expectedMinutes(gardenRoute())).toEqual([15, 30, 45]);
	});

	it('spreads unstated minutes evenly so the last falls before the window closes', () => {
		const route = PatrolRoute.parse(validInput());
		expect(expectedMinutes(route)).toEqual([20, 40]);
	});
});
