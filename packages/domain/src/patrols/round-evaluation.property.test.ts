import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckpointId, StaffId } from '../shared/ids';
import type { CheckpointScan } from './checkpoint-scan';
import { gardenRoute } from './patrol-fixtures';
import { generateRounds } from './patrol-round';
import { evaluateRound } from './round-evaluation';

const [round] = generateRounds(gardenRoute({ night: null }), '2026-03-02', 'Asia/Shanghai');
if (!round) throw new Error('fixture round missing');
const from = round.startsAt.getTime() - 30 * 60_000;
const to = round.windowEndsAt.getTime() + 30 * 60_000;

const instant = fc.integer({ min: from, max: to }).map((ms) => new Date(ms));

const scanArb: fc.Arbitrary<CheckpointScan> = fc
	.record({
		checkpoint: fc.constantFrom(...round.checkpoints, undefined),
		rightCode: fc.boolean(),
		at: instant,
		position: fc.option(fc.constantFrom<[number, number]>([121.4737, 31.2304], [121.49, 31.24]), {
			nil: undefined,
		}),
		method: fc.constantFrom('qr' as const, 'nfc' as const, 'typed' as const),
	})
	.map(({ checkpoint, rightCode, at, position, method }) => ({
		checkpointId: checkpoint?.checkpointId ?? CheckpointId.parse('cp-nowhere'),
		code: rightCode && checkpoint ? checkpoint.code : 'QR-WRONG',
		at,
		guardId: StaffId.parse('guard-li'),
		method,
		...(position ? { position } : {}),
	}));

describe('evaluateRound properties', () => {
	it('never calls a checkpoint visited without a counting scan, nor missed with one', () => {
		fc.assert(
			fc.property(fc.array(scanArb, { maxLength: 12 }), instant, (scans, now) => {
				const evaluation = evaluateRound(round, scans, now);
				for (const outcome of evaluation.checkpoints) {
					const counted = evaluation.scans.some(
						(classified) =>
							classified.scan.checkpointId === outcome.checkpointId &&
							(classified.verdict === 'visit' || classified.verdict === 'late_visit'),
					);
					const scanned = outcome.state === 'visited' || outcome.state === 'late';
					expect(scanned).toBe(counted);
					if (outcome.state === 'missed') expect(now >= round.windowEndsAt).toBe(true);
				}
			}),
		);
	});

	it('never turns a visited checkpoint into missed (or late) when a scan is added', () => {
		fc.assert(
			fc.property(fc.array(scanArb, { maxLength: 10 }), scanArb, instant, (scans, extra, now) => {
				const before = evaluateRound(round, scans, now);
				const after = evaluateRound(round, [...scans, extra], now);
				expect(after.checkpoints).toHaveLength(before.checkpoints.length);
				before.checkpoints.forEach((outcome, index) => {
					if (outcome.state === 'visited') expect(after.checkpoints[index]?.state).toBe('visited');
				});
			}),
		);
	});
});
