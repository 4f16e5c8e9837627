import { z } from 'zod';
import type { EstateId, RequisitionId, StaffId } from '../shared/ids';
import { MaterialItemId, WorkOrderId } from '../shared/ids';
import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';
import { decide } from './approval';
import type { Decision, DecisionError } from './approval';
import { applyStockMovement } from './stock-ledger';
import type { StockError, StockLevel } from './stock-ledger';

/** A technician's requisition (领料单) against a work order: approved, then issued from the store. */
export const RequisitionStatus = z.enum(['submitted', 'approved', 'rejected', 'issued', 'cancelled']);
export type RequisitionStatus = z.infer<typeof RequisitionStatus>;

export const RequisitionLine = z.object({
	itemId: MaterialItemId,
	quantity: z.number().int().positive().max(100_000),
});
export type RequisitionLine = z.infer<typeof RequisitionLine>;

export const NewRequisition = z.object({
	workOrderId: WorkOrderId,
	lines: z
		.array(RequisitionLine)
		.min(1)
		.max(50)
		.refine(
			(lines) => new Set(lines.map((l) => l.itemId)).size === lines.length,
			'an item appears once per requisition',
		),
	note: z.string().trim().max(500).default(''),
});
export type NewRequisition = z.infer<typeof NewRequisition>;

export type Requisition = {
	readonly id: RequisitionId;
	readonly estateId: EstateId;
	readonly workOrderId: WorkOrderId;
	readonly requestedBy: StaffId;
	readonly status: RequisitionStatus;
	readonly lines: readonly RequisitionLine[];
	readonly decision: Decision | null;
};

export type RequisitionError =
	DecisionError | StockError | DomainError<'MATERIALS.REQUISITION_TRANSITION' | 'MATERIALS.ITEM_NOT_STOCKED'>;

/** What an issue did: the stock of each item after it, and the cost charged to the work order, in fen. */
export type RequisitionIssue = {
	readonly requisition: Requisition;
	readonly levels: ReadonlyMap<MaterialItemId, StockLevel>;
	readonly lines: readonly {
		readonly itemId: MaterialItemId;
		readonly quantity: number;
		readonly costFen: number;
	}[];
	readonly totalCostFen: number;
};

export function decideRequisition(
	requisition: Requisition,
	decision: { by: StaffId; approved: boolean; note: string },
	now: Date,
): Result<Requisition, RequisitionError> {
	if (requisition.status !== 'submitted') {
		return err(
			'MATERIALS.REQUISITION_TRANSITION',
			`a requisition that is ${requisition.status} cannot be decided`,
		);
	}
	const decided = decide(requisition.requestedBy, decision, now);
	if (!decided.ok) return decided;
	return ok({
		...requisition,
		status: decided.value.approved ? 'approved' : 'rejected',
		decision: decided.value,
	});
}

/** The requester withdraws a requisition that has not been issued. */
export function cancelRequisition(
	requisition: Requisition,
	by: StaffId,
): Result<Requisition, RequisitionError> {
	if (by !== requisition.requestedBy) {
		return err('MATERIALS.REQUISITION_TRANSITION', 'only whoever asked may withdraw a requisition', {
			path: ['by'],
		});
	}
	if (requisition.status !== 'submitted' && requisition.status !== 'approved') {
		return err(
			'MATERIALS.REQUISITION_TRANSITION',
			`a requisition that is ${requisition.status} cannot be withdrawn`,
		);
	}
	return ok({ ...requisition, status: 'cancelled' });
}

/**
 * Issues an approved requisition from the store, all lines or none: if any item is short, nothing moves and
 * the error names the line. `levels` is the store's stock as read inside the same transaction.
 */
export function issueRequisition(
	requisition: Requisition,
	levels: ReadonlyMap<MaterialItemId, StockLevel>,
): Result<RequisitionIssue, RequisitionError> {
	if (requisition.status !== 'approved') {
		return err(
			'MATERIALS.REQUISITION_TRANSITION',
			`only an approved requisition is issued; this one is ${requisition.status}`,
		);
	}
	const after = new Map(levels);
	const lines: RequisitionIssue['lines'][number][] = [];
	for (const [index, line] of requisition.lines.entries()) {
		const level = after.get(line.itemId);
		if (!level) {
			return err('MATERIALS.ITEM_NOT_STOCKED', 'this store does not stock the item', {
				path: ['lines', index, 'itemId'],
			});
		}
		const change = applyStockMovement(level, { kind: 'issue', quantity: line.quantity });
		if (!change.ok) return { ok: false, error: { ...change.error, path: ['lines', index, 'quantity'] } };
		after.set(line.itemId, change.value.level);
		lines.push({ itemId: line.itemId, quantity: line.quantity, costFen: change.value.valueFen });
	}
	return ok({
		requisition: { ...requisition, status: 'issued' },
		levels: after,
		lines,
		totalCostFen: lines.reduce((sum, line) => sum + line.costFen, 0),
	});
}
