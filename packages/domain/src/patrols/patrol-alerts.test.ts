import { describe, expect, it } from 'vitest';
import { CheckpointId, StaffId } from '../shared/ids';
import type { CheckpointScan } from './checkpoint-scan';
import type { PatrolAlert } from './patrol-alerts';
import { patrolAlerts } from './patrol-alerts';
import { gardenRoute } from './patrol-fixtures';
import { generateRounds } from './patrol-round';
import type { RoundEvaluation } from './round-evaluation';
import { evaluateRound } from './round-evaluation';

const at = (time: string): Date => new Date(`2026-03-02T${time}:00+08:00`);
const rounds = generateRounds(gardenRoute(), '2026-03-02', 'Asia/Shanghai');
const round = rounds.find((candidate) => candidate.startsAt.getTime() === at('10:00').getTime());
const other = rounds.find((candidate) => candidate.startsAt.getTime() === at('12:00').getTime());
if (!round || !other) throw new Error('fixture rounds missing');

const gateScan: CheckpointScan = {
	checkpointId: CheckpointId.parse('cp-gate'),
	code: 'QR-GATE-7F3A',
	at: at('10:12'),
	guardId: StaffId.parse('guard-li'),
	method: 'nfc',
};

/** A job that evaluates the round every few minutes and raises what each pass returns. */
const raisedOverTime = (scans: CheckpointScan[], times: string[]) => {
	let previous: RoundEvaluation | null = null;
	const raised: PatrolAlert[] = [];
	for (const time of times) {
		const current = evaluateRound(round, scans, at(time));
		raised.push(...patrolAlerts(previous, current));
		previous = current;
	}
	return raised;
};

describe('patrolAlerts', () => {
	it('raises each missed checkpoint once, however many times the round is evaluated', () => {
		const raised = raisedOverTime([gateScan], ['10:30', '10:59', '11:00', '11:05', '11:30']);
		expect(raised.map((alert) => alert.type)).toEqual(['patrol.checkpointMissed', 'patrol.checkpointMissed']);
		expect(raised.map((alert) => alert.key)).toEqual([
			'route-garden:2026-03-02T02:00:00.000Z:cp-pond:missed',
			'route-garden:2026-03-02T02:00:00.000Z:cp-club:missed',
		]);
		expect(raised[0]).toMatchObject({ checkpointName: '景观水池', dueAt: at('10:30'), at: at('11:00') });
	});

	it('raises one round alert, not one per checkpoint, when nobody walked the round', () => {
		const raised = raisedOverTime([], ['10:30', '11:00', '11:10']);
		expect(raised).toEqual([
			{
				type: 'patrol.roundMissed',
				key: 'route-garden:2026-03-02T02:00:00.000Z:missed',
				roundId: round.id,
				at: at('11:00'),
			},
		]);
	});

	it('raises nothing for a round walked in full', () => {
		const scans = ['gate', 'pond', 'club'].map((place, index) => ({
			...gateScan,
			checkpointId: CheckpointId.parse(`cp-${place}`),
			code: ['QR-GATE-7F3A', 'QR-POND-91BC', 'QR-CLUB-2D44'][index] ?? '',
		}));
		expect(raisedOverTime(scans, ['10:30', '11:00', '12:00'])).toEqual([]);
	});

	it('raises the same alerts again, with the same keys, when there is no previous evaluation', () => {
		const current = evaluateRound(round, [gateScan], at('11:30'));
		expect(patrolAlerts(null, current).map((alert) => alert.key)).toEqual(
			raisedOverTime([gateScan], ['11:00']).map((alert) => alert.key),
		);
	});

	it('raises nothing new when a late-arriving scan clears a missed round', () => {
		const before = evaluateRound(round, [], at('11:05'));
		const after = evaluateRound(round, [gateScan], at('11:10'));
		expect(patrolAlerts(before, after)).toEqual([]);
	});

	it('refuses to compare evaluations of two different rounds', () => {
		const previous = evaluateRound(other, [], at('13:30'));
		expect(() => patrolAlerts(previous, evaluateRound(round, [], at('11:30')))).toThrow(/one round/);
	});
});
