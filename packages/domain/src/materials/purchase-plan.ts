import { z } from 'zod';
import type { EstateId, PurchasePlanId, StaffId } from '../shared/ids';
import { MaterialItemId } from '../shared/ids';
import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';
import { decide } from './approval';
import type { Decision, DecisionError } from './approval';
import type { StockMovement } from './stock-ledger';

/** A purchase plan (采购计划): drafted, submitted, approved or rejected, then received with inspection. */
export const PurchasePlanStatus = z.enum(['submitted', 'approved', 'rejected', 'received']);
export type PurchasePlanStatus = z.infer<typeof PurchasePlanStatus>;

export const PurchasePlanLine = z.object({
	itemId: MaterialItemId,
	quantity: z.number().int().positive().max(1_000_000),
	unitCostFen: z.number().int().nonnegative().max(100_000_000),
});
export type PurchasePlanLine = z.infer<typeof PurchasePlanLine>;

export const NewPurchasePlan = z.object({
	lines: z
		.array(PurchasePlanLine)
		.min(1)
		.max(100)
		.refine(
			(lines) => new Set(lines.map((l) => l.itemId)).size === lines.length,
			'an item appears once per plan',
		),
	note: z.string().trim().max(500).default(''),
});
export type NewPurchasePlan = z.infer<typeof NewPurchasePlan>;

export type PurchasePlan = {
	readonly id: PurchasePlanId;
	readonly estateId: EstateId;
	readonly requestedBy: StaffId;
	readonly status: PurchasePlanStatus;
	readonly lines: readonly PurchasePlanLine[];
	readonly decision: Decision | null;
};

/** The storekeeper's inspection of one delivered line (验收): how many came, how many passed, why not. */
export const InspectionLine = z.object({
	itemId: MaterialItemId,
	delivered: z.number().int().nonnegative(),
	accepted: z.number().int().nonnegative(),
	rejectionReason: z.string().trim().max(300).default(''),
});
export type InspectionLine = z.infer<typeof InspectionLine>;

export type PurchasePlanError =
	DecisionError | DomainError<'MATERIALS.PLAN_TRANSITION' | 'MATERIALS.INSPECTION_INVALID'>;

/** A receipt: the plan as received, and the stock movements (one per item accepted) it brings in. */
export type PlanReceipt = {
	readonly plan: PurchasePlan;
	readonly movements: readonly { readonly itemId: MaterialItemId; readonly movement: StockMovement }[];
};

export function decidePurchasePlan(
	plan: PurchasePlan,
	decision: { by: StaffId; approved: boolean; note: string },
	now: Date,
): Result<PurchasePlan, PurchasePlanError> {
	if (plan.status !== 'submitted') {
		return err('MATERIALS.PLAN_TRANSITION', `a plan that is ${plan.status} cannot be decided again`);
	}
	const decided = decide(plan.requestedBy, decision, now);
	if (!decided.ok) return decided;
	return ok({ ...plan, status: decided.value.approved ? 'approved' : 'rejected', decision: decided.value });
}

/**
 * Receives an approved plan against the storekeeper's inspection. Every planned item is inspected; nothing
 * beyond the plan is accepted; what is delivered but not accepted says why. Accepted quantities enter stock
 * at the planned unit cost.
 */
export function receivePurchasePlan(
	plan: PurchasePlan,
	inspection: readonly InspectionLine[],
): Result<PlanReceipt, PurchasePlanError> {
	if (plan.status !== 'approved') {
		return err('MATERIALS.PLAN_TRANSITION', `only an approved plan is received; this one is ${plan.status}`);
	}
	const bad = (index: number, field: string, message: string) =>
		err('MATERIALS.INSPECTION_INVALID', message, { path: ['inspection', index, field] });
	const movements: PlanReceipt['movements'][number][] = [];
	for (const [index, line] of plan.lines.entries()) {
		const inspected = inspection.findIndex((l) => l.itemId === line.itemId);
		const found = inspection[inspected];
		if (!found) return bad(index, 'itemId', 'every item of the plan is inspected, even if none came');
		if (found.delivered > line.quantity) {
			return bad(inspected, 'delivered', `more delivered than the ${line.quantity} planned`);
		}
		if (found.accepted > found.delivered) return bad(inspected, 'accepted', 'more accepted than delivered');
		if (found.accepted < found.delivered && found.rejectionReason === '') {
			return bad(inspected, 'rejectionReason', 'say why part of the delivery was rejected');
		}
		if (found.accepted > 0) {
			movements.push({
				itemId: line.itemId,
				movement: { kind: 'receipt', quantity: found.accepted, unitCostFen: line.unitCostFen },
			});
		}
	}
	const extra = inspection.findIndex((l) => !plan.lines.some((line) => line.itemId === l.itemId));
	if (extra >= 0) return bad(extra, 'itemId', 'this item is not in the plan');
	return ok({ plan: { ...plan, status: 'received' }, movements });
}
