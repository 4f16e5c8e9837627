import { describe, expect, it } from 'vitest';
import type { EstateId, MaterialItemId, PurchasePlanId, StaffId } from '../shared/ids';
import { decidePurchasePlan, NewPurchasePlan, receivePurchasePlan } from './purchase-plan';
import type { PurchasePlan } from './purchase-plan';

const storekeeper = 'staff-store' as StaffId;
const manager = 'staff-manager' as StaffId;
const bulb = 'item-bulb' as MaterialItemId;
const tape = 'item-tape' as MaterialItemId;
const now = new Date('2026-11-23T02:00:00Z');
const submitted: PurchasePlan = {
	id: 'plan-1' as PurchasePlanId,
	estateId: 'estate-1' as EstateId,
	requestedBy: storekeeper,
	status: 'submitted',
	lines: [
		{ itemId: bulb, quantity: 20, unitCostFen: 1250 },
		{ itemId: tape, quantity: 5, unitCostFen: 380 },
	],
	decision: null,
};
const approved: PurchasePlan = { ...submitted, status: 'approved' };

describe('NewPurchasePlan', () => {
	it('refuses an item twice, fractional quantities and fractional fen', () => {
		expect(NewPurchasePlan.safeParse({ lines: [submitted.lines[0], submitted.lines[0]] }).success).toBe(
			false,
		);
		expect(
			NewPurchasePlan.safeParse({ lines: [{ itemId: bulb, quantity: 1.5, unitCostFen: 1 }] }).success,
		).toBe(false);
		expect(
			NewPurchasePlan.safeParse({ lines: [{ itemId: bulb, quantity: 1, unitCostFen: 0.5 }] }).success,
		).toBe(false);
		expect(NewPurchasePlan.safeParse({ lines: [] }).success).toBe(false);
	});
});

describe('decidePurchasePlan', () => {
	it('is approved by someone else, never by whoever asked', () => {
		expect(decidePurchasePlan(submitted, { by: manager, approved: true, note: '' }, now)).toMatchObject({
			ok: true,
			value: { status: 'approved', decision: { by: manager, approved: true, at: now } },
		});
		expect(decidePurchasePlan(submitted, { by: storekeeper, approved: true, note: '' }, now)).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.SELF_APPROVAL' },
		});
	});

	it('needs a reason to reject and cannot be decided twice', () => {
		expect(decidePurchasePlan(submitted, { by: manager, approved: false, note: '  ' }, now)).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.REASON_REQUIRED', path: ['note'] },
		});
		expect(
			decidePurchasePlan(approved, { by: manager, approved: false, note: 'too dear' }, now),
		).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.PLAN_TRANSITION' },
		});
	});
});

describe('receivePurchasePlan', () => {
	it('brings the accepted quantities into stock at the planned cost', () => {
		const received = receivePurchasePlan(approved, [
			{ itemId: bulb, delivered: 20, accepted: 18, rejectionReason: '2 broken in transit' },
			{ itemId: tape, delivered: 0, accepted: 0, rejectionReason: '' },
		]);
		expect(received).toEqual({
			ok: true,
			value: {
				plan: { ...approved, status: 'received' },
				movements: [{ itemId: bulb, movement: { kind: 'receipt', quantity: 18, unitCostFen: 1250 } }],
			},
		});
	});

	it.each([
		[[{ itemId: bulb, delivered: 20, accepted: 20, rejectionReason: '' }], ['inspection', 1, 'itemId']],
		[
			[
				{ itemId: bulb, delivered: 21, accepted: 20, rejectionReason: 'x' },
				{ itemId: tape, delivered: 5, accepted: 5, rejectionReason: '' },
			],
			['inspection', 0, 'delivered'],
		],
		[
			[
				{ itemId: bulb, delivered: 20, accepted: 20, rejectionReason: '' },
				{ itemId: tape, delivered: 5, accepted: 6, rejectionReason: '' },
			],
			['inspection', 1, 'accepted'],
		],
		[
			[
				{ itemId: bulb, delivered: 20, accepted: 19, rejectionReason: '' },
				{ itemId: tape, delivered: 5, accepted: 5, rejectionReason: '' },
			],
			['inspection', 0, 'rejectionReason'],
		],
		[
			[
				{ itemId: bulb, delivered: 20, accepted: 20, rejectionReason: '' },
				{ itemId: tape, delivered: 5, accepted: 5, rejectionReason: '' },
				{ itemId: 'item-glue' as MaterialItemId, delivered: 1, accepted: 1, rejectionReason: '' },
			],
			['inspection', 2, 'itemId'],
		],
	])('refuses an inspection that is wrong at %j', (inspection, path) => {
		expect(receivePurchasePlan(approved, inspection)).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.INSPECTION_INVALID', path },
		});
	});

	it('receives only approved plans', () => {
		expect(receivePurchasePlan(submitted, [])).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.PLAN_TRANSITION' },
		});
	});
});
