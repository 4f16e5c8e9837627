import { describe, expect, it } from 'vitest';
import { CheckpointId, StaffId } from '../shared/ids';
import type { CheckpointScan } from './checkpoint-scan';
import type { LngLat } from './geo';
import { gardenRoute } from './patrol-fixtures';
import type { PatrolRound } from './patrol-round';
import { generateRounds } from './patrol-round';
import type { CheckpointState, RoundStatus, ScanVerdict } from './round-evaluation';
import { evaluateRound } from './round-evaluation';

const at = (time: string): Date => new Date(`2026-03-02T${time}:00+08:00`);

/** The 10:00 round: gate due 10:15, pond 10:30, club 10:45, 10 minutes' tolerance, window until 11:00. */
const round: PatrolRound = (() => {
	const found = generateRounds(gardenRoute(), '2026-03-02', 'Asia/Shanghai').find(
		(candidate) => candidate.startsAt.getTime() === at('10:00').getTime(),
	);
	if (!found) throw new Error('fixture round missing');
	return found;
})();

const CODES = { gate: 'QR-GATE-7F3A', pond: 'QR-POND-91BC', club: 'QR-CLUB-2D44' } as const;
type Place = keyof typeof CODES;

const scan = (place: Place, time: string, extra: Partial<CheckpointScan> = {}): CheckpointScan => ({
	checkpointId: CheckpointId.parse(`cp-${place}`),
	code: CODES[place],
	at: at(time),
	guardId: StaffId.parse('guard-li'),
	method: 'qr',
	...extra,
});

const states = (scans: CheckpointScan[], now: string): CheckpointState[] =>
	evaluateRound(round, scans, at(now)).checkpoints.map((outcome) => outcome.state);

const allOnTime = [scan('gate', '10:12'), scan('pond', '10:31'), scan('club', '10:50')];

describe('evaluateRound', () => {
	it.each<[string, CheckpointScan[], string, CheckpointState[], RoundStatus, number]>([
		['before the round starts', [], '09:30', ['upcoming', 'upcoming', 'upcoming'], 'scheduled', 0],
		['just after it starts', [], '10:00', ['due', 'due', 'due'], 'in_progress', 0],
		['part way through', [scan('gate', '10:12')], '10:20', ['visited', 'due', 'due'], 'in_progress', 1 / 3],
		['every checkpoint on time', allOnTime, '10:51', ['visited', 'visited', 'visited'], 'completed', 1],
		[
			'a checkpoint scanned after due + tolerance',
			[scan('gate', '10:26'), scan('pond', '10:31'), scan('club', '10:50')],
			'10:51',
			['late', 'visited', 'visited'],
			'completed_with_issues',
			1,
		],
		[
			'the window over with one checkpoint never scanned',
			[scan('gate', '10:12'), scan('pond', '10:31')],
			'11:00',
			['visited', 'visited', 'missed'],
			'completed_with_issues',
			2 / 3,
		],
		['the window over with nothing scanned', [], '11:00', ['missed', 'missed', 'missed'], 'missed', 0],
		[
			'the window over with only bad scans',
			[scan('gate', '10:12', { code: 'QR-FAKE' })],
			'12:00',
			['missed', 'missed', 'missed'],
			'missed',
			0,
		],
	])('%s', (_, scans, now, expectedStates, status, completion) => {
		const evaluation = evaluateRound(round, scans, at(now));
		expect(evaluation.checkpoints.map((outcome) => outcome.state)).toEqual(expectedStates);
		expect(evaluation.status).toBe(status);
		expect(evaluation.completion).toBeCloseTo(completion);
	});

	it('counts a scan exactly at due + tolerance as on time', () => {
		expect(states([scan('gate', '10:25')], '10:26')[0]).toBe('visited');
	});

	it('marks a due checkpoint as behind once its tolerance has passed', () => {
		const evaluation = evaluateRound(round, [], at('10:26'));
		expect(evaluation.checkpoints.map((outcome) => outcome.behind)).toEqual([true, false, false]);
	});

	it.each<[string, CheckpointScan, ScanVerdict]>([
		['a scan on time', scan('gate', '10:12'), 'visit'],
		['a scan after the tolerance', scan('gate', '10:40'), 'late_visit'],
		['a scan whose code is not the plate’s', scan('gate', '10:12', { code: CODES.pond }), 'wrong_code'],
		[
			'a scan of a checkpoint not on the route',
			scan('gate', '10:12', { checkpointId: CheckpointId.parse('cp-elsewhere') }),
			'unknown_checkpoint',
		],
		['a scan before the round starts', scan('gate', '09:59'), 'before_window'],
		['a scan at the instant the window closes', scan('gate', '11:00'), 'after_window'],
	])('classifies %s', (_, candidate, verdict) => {
		const [classified] = evaluateRound(round, [candidate], at('11:30')).scans;
		expect(classified?.verdict).toBe(verdict);
	});

	it('keeps the first valid scan and calls later ones repeats', () => {
		const evaluation = evaluateRound(round, [scan('gate', '10:40'), scan('gate', '10:10')], at('10:45'));
		expect(evaluation.scans.map((classified) => classified.verdict)).toEqual(['visit', 'repeat']);
		expect(evaluation.checkpoints[0]).toMatchObject({
			state: 'visited',
			scannedAt: at('10:10'),
			guardId: 'guard-li',
		});
	});

	it('does not let a wrong code stand in for a visit', () => {
		const evaluation = evaluateRound(round, [scan('gate', '10:12', { code: 'typed-by-hand' })], at('11:00'));
		expect(evaluation.checkpoints[0]?.state).toBe('missed');
		expect(evaluation.scans[0]?.verdict).toBe('wrong_code');
	});

	describe('position check', () => {
		const near: LngLat = [121.4738, 31.2305];
		const far: LngLat = [121.48, 31.2304];

		it('flags a scan reported far from the plate, counts the visit, and reports the round with issues', () => {
			const scans = [scan('gate', '10:12', { position: far }), scan('pond', '10:31'), scan('club', '10:50')];
			const evaluation = evaluateRound(round, scans, at('10:51'));
			expect(evaluation.checkpoints[0]).toMatchObject({ state: 'visited', flags: ['off_position'] });
			expect(evaluation.scans[0]?.offPosition).toBe(true);
			expect(evaluation.scans[0]?.distanceMetres).toBeGreaterThan(500);
			expect(evaluation.status).toBe('completed_with_issues');
		});

		it('accepts a scan within the checkpoint’s radius', () => {
			const scans = [scan('gate', '10:12', { position: near }), scan('pond', '10:31'), scan('club', '10:50')];
			const evaluation = evaluateRound(round, scans, at('10:51'));
			expect(evaluation.scans[0]).toMatchObject({ offPosition: false });
			expect(evaluation.checkpoints[0]?.flags).toEqual([]);
			expect(evaluation.status).toBe('completed');
		});

		it('measures nothing when the scan has no position', () => {
			expect(evaluateRound(round, [scan('gate', '10:12')], at('10:51')).scans[0]?.distanceMetres).toBeNull();
		});
	});
});
