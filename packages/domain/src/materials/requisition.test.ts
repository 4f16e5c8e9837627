import { describe, expect, it } from 'vitest';
import type { EstateId, MaterialItemId, RequisitionId, StaffId, WorkOrderId } from '../shared/ids';
import { cancelRequisition, decideRequisition, issueRequisition } from './requisition';
import type { Requisition } from './requisition';
import type { StockLevel } from './stock-ledger';

const technician = 'staff-tech' as StaffId;
const lead = 'staff-lead' as StaffId;
const bulb = 'item-bulb' as MaterialItemId;
const tape = 'item-tape' as MaterialItemId;
const submitted: Requisition = {
	id: 'req-1' as RequisitionId,
	estateId: 'estate-1' as EstateId,
	workOrderId: 'wo-1' as WorkOrderId,
	requestedBy: technician,
	status: 'submitted',
	lines: [
		{ itemId: bulb, quantity: 2 },
		{ itemId: tape, quantity: 1 },
	],
	decision: null,
};
const approved: Requisition = { ...submitted, status: 'approved' };
const stock = new Map<MaterialItemId, StockLevel>([
	[bulb, { onHand: 2, averageCostFen: 1250 }],
	[tape, { onHand: 10, averageCostFen: 380 }],
]);

describe('requisitions', () => {
	it('are approved by a lead, not by the technician who asked', () => {
		const now = new Date('2026-11-23T02:00:00Z');
		expect(decideRequisition(submitted, { by: lead, approved: true, note: '' }, now)).toMatchObject({
			ok: true,
			value: { status: 'approved' },
		});
		expect(decideRequisition(submitted, { by: technician, approved: true, note: '' }, now)).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.SELF_APPROVAL' },
		});
	});

	it('issue every line, lower the stock and charge the work order at average cost', () => {
		const issued = issueRequisition(approved, stock);
		expect(issued.ok).toBe(true);
		if (!issued.ok) return;
		expect(issued.value.requisition.status).toBe('issued');
		expect(issued.value.levels.get(bulb)).toEqual({ onHand: 0, averageCostFen: 1250 });
		expect(issued.value.levels.get(tape)).toEqual({ onHand: 9, averageCostFen: 380 });
		expect(issued.value.lines).toEqual([
			{ itemId: bulb, quantity: 2, costFen: 2500 },
			{ itemId: tape, quantity: 1, costFen: 380 },
		]);
		expect(issued.value.totalCostFen).toBe(2880);
		expect(stock.get(bulb)?.onHand).toBe(2);
	});

	it('issue nothing when one line is short, naming that line', () => {
		const greedy = {
			...approved,
			lines: [
				{ itemId: tape, quantity: 1 },
				{ itemId: bulb, quantity: 3 },
			],
		};
		expect(issueRequisition(greedy, stock)).toMatchObject({
			ok: false,
			error: {
				code: 'MATERIALS.INSUFFICIENT_STOCK',
				path: ['lines', 1, 'quantity'],
				details: { onHand: 2, requested: 3 },
			},
		});
		const unknown = { ...approved, lines: [{ itemId: 'item-glue' as MaterialItemId, quantity: 1 }] };
		expect(issueRequisition(unknown, stock)).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.ITEM_NOT_STOCKED' },
		});
	});

	it('are issued once, only when approved, and withdrawn only by their requester before issue', () => {
		expect(issueRequisition(submitted, stock)).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.REQUISITION_TRANSITION' },
		});
		expect(cancelRequisition(approved, lead)).toMatchObject({ ok: false });
		expect(cancelRequisition(approved, technician)).toMatchObject({
			ok: true,
			value: { status: 'cancelled' },
		});
		expect(cancelRequisition({ ...approved, status: 'issued' }, technician)).toMatchObject({ ok: false });
	});
});
