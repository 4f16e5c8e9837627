import { describe, expect, it } from 'vitest';
import { CheckpointScan } from './checkpoint-scan';

const valid = {
	checkpointId: 'cp-gate',
	code: 'QR-GATE-7F3A',
	at: new Date('2026-03-02T10:12:00+08:00'),
	guardId: 'guard-li',
	method: 'nfc',
};

describe('CheckpointScan', () => {
	it('accepts a scan with or without a position', () => {
		expect(CheckpointScan.safeParse(valid).success).toBe(true);
		expect(CheckpointScan.safeParse({ ...valid, position: [121.47, 31.23] }).success).toBe(true);
	});

	it.each<[string, Record<string, unknown>]>([
		['an unknown method', { method: 'bluetooth' }],
		['an empty code', { code: ' ' }],
		['a latitude past the pole', { position: [121.47, 91] }],
		['a time that is not an instant', { at: 'ten past ten' }],
	])('rejects %s', (_, change) => {
		expect(CheckpointScan.safeParse({ ...valid, ...change }).success).toBe(false);
	});
});
