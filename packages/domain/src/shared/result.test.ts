import { describe, expect, it } from 'vitest';
import { WorkOrderId } from './ids';
import { err, ok } from './result';

describe('Result', () => {
	it('wraps a value', () => {
		expect(ok(3)).toEqual({ ok: true, value: 3 });
	});

	it('carries a stable code, a message and optional field path and details', () => {
		expect(err('WORK_ORDER.NOT_ASSIGNED', 'not assigned yet')).toEqual({
			ok: false,
			error: { code: 'WORK_ORDER.NOT_ASSIGNED', message: 'not assigned yet' },
		});
		expect(err('X.Y', 'bad', { path: ['items', 2], details: { max: 5 } })).toEqual({
			ok: false,
			error: { code: 'X.Y', message: 'bad', path: ['items', 2], details: { max: 5 } },
		});
	});
});

describe('branded ids', () => {
	it('accept a non-empty string and reject an empty or overlong one', () => {
		expect(WorkOrderId.parse('wo-1')).toBe('wo-1');
		expect(WorkOrderId.safeParse('').success).toBe(false);
		expect(WorkOrderId.safeParse('x'.repeat(65)).success).toBe(false);
	});
});
