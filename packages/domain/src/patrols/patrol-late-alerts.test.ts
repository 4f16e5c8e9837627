import { describe, expect, it } from 'vitest';
import { CheckpointId, StaffId } from '../shared/ids';
import type { CheckpointScan } from './checkpoint-scan';
import { gardenRoute } from './patrol-fixtures';
import { patrolLateAlerts } from './patrol-late-alerts';
import { generateRounds } from './patrol-round';
import { evaluateRound } from './round-evaluation';

// The garden route's 10:00 round: gate due 10:15, pond 10:30, club 10:45, each late 10 minutes after; the
// window closes at 11:00.
const at = (time: string): Date => new Date(`2026-03-02T${time}:00+08:00`);
const round = generateRounds(gardenRoute(), '2026-03-02', 'Asia/Shanghai').find(
	(candidate) => candidate.startsAt.getTime() === at('10:00').getTime(),
);
if (!round) throw new Error('fixture round missing');

const scan = (checkpoint: 'gate' | 'pond' | 'club', time: string): CheckpointScan => ({
	checkpointId: CheckpointId.parse(`cp-${checkpoint}`),
	code: { gate: 'QR-GATE-7F3A', pond: 'QR-POND-91BC', club: 'QR-CLUB-2D44' }[checkpoint],
	at: at(time),
	guardId: StaffId.parse('guard-li'),
	method: 'qr',
});

const lateAt = (scans: CheckpointScan[], time: string) =>
	patrolLateAlerts(evaluateRound(round, scans, at(time)));

describe('patrolLateAlerts', () => {
	it.each<[string, CheckpointScan[], string, string[]]>([
		['nothing is late yet', [], '10:20', []],
		['a round nobody started, once the first checkpoint is late', [], '10:26', ['patrol.roundLate']],
		['a round nobody started, still one warning however far behind', [], '10:50', ['patrol.roundLate']],
		['a guard on time', [scan('gate', '10:12')], '10:39', []],
		['a guard who fell behind at the pond', [scan('gate', '10:12')], '10:41', ['patrol.checkpointLate']],
		[
			'a guard behind at the pond and the club',
			[scan('gate', '10:12')],
			'10:56',
			['patrol.checkpointLate', 'patrol.checkpointLate'],
		],
		['a checkpoint scanned late', [scan('gate', '10:27')], '10:28', ['patrol.checkpointLate']],
		['a window that closed: missed, not late', [scan('gate', '10:12')], '11:05', []],
		[
			'a round walked on time',
			[scan('gate', '10:12'), scan('pond', '10:31'), scan('club', '10:44')],
			'11:30',
			[],
		],
	])('warns for %s', (_case, scans, time, types) => {
		expect(lateAt(scans, time).map((alert) => alert.type)).toEqual(types);
	});

	it('names the round and when its first checkpoint became late when nobody has set out', () => {
		expect(lateAt([], '10:45')).toEqual([
			{
				type: 'patrol.roundLate',
				key: 'route-garden:2026-03-02T02:00:00.000Z:late',
				roundId: round.id,
				at: at('10:25'),
				behind: 2,
			},
		]);
	});

	it('says whether the late checkpoint was scanned or is still waiting', () => {
		const [behind] = lateAt([scan('gate', '10:12')], '10:41');
		expect(behind).toEqual({
			type: 'patrol.checkpointLate',
			key: 'route-garden:2026-03-02T02:00:00.000Z:cp-pond:late',
			roundId: round.id,
			checkpointId: 'cp-pond',
			checkpointName: '景观水池',
			dueAt: at('10:30'),
			at: at('10:40'),
			scanned: false,
		});
		const [scannedLate] = lateAt([scan('gate', '10:12'), scan('pond', '10:42')], '10:43');
		expect(scannedLate).toMatchObject({ checkpointId: 'cp-pond', scanned: true, at: at('10:40') });
	});

	it('gives the same key to the same lateness at every evaluation, so a job stores it once', () => {
		const scans = [scan('gate', '10:12'), scan('pond', '10:44')];
		const keys = ['10:41', '10:43', '10:45', '10:50'].flatMap((time) =>
			lateAt(time < '10:44' ? scans.slice(0, 1) : scans, time).map((alert) => alert.key),
		);
		expect(new Set(keys)).toEqual(new Set(['route-garden:2026-03-02T02:00:00.000Z:cp-pond:late']));
	});
});
