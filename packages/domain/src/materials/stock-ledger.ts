import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';

/**
 * Stock of one item in one store. Quantities are whole numbers of the item's unit (个, 米, 卷): the store
 * counts what it can hand out. Cost is the moving average in integer fen (分), never floating money.
 */
export type StockLevel = { readonly onHand: number; readonly averageCostFen: number };

export const EMPTY_STOCK: StockLevel = { onHand: 0, averageCostFen: 0 };

/** One line of the stock ledger (库存台账). Every change of stock is one of these; nothing else moves it. */
export type StockMovement =
	| { readonly kind: 'receipt'; readonly quantity: number; readonly unitCostFen: number }
	| { readonly kind: 'issue'; readonly quantity: number }
	| { readonly kind: 'return'; readonly quantity: number }
	| { readonly kind: 'adjustment'; readonly delta: number; readonly reason: string };

/** A refused movement; a shortage carries `details: { onHand, requested }`. */
export type StockError = DomainError<'MATERIALS.QUANTITY_INVALID' | 'MATERIALS.INSUFFICIENT_STOCK'>;

/** The level after `movement` and what the movement was worth in fen (the cost charged for an issue). */
export type StockChange = { readonly level: StockLevel; readonly valueFen: number };

const isCount = (n: number) => Number.isSafeInteger(n) && n > 0;

/**
 * Applies one movement. Stock never goes negative: an issue or a downward adjustment beyond what is on hand
 * is refused with both figures, so the storekeeper can see how short the store is.
 */
export function applyStockMovement(
	level: StockLevel,
	movement: StockMovement,
): Result<StockChange, StockError> {
	const invalid = (message: string) => err('MATERIALS.QUANTITY_INVALID', message, { path: ['quantity'] });
	const short = (requested: number) =>
		err('MATERIALS.INSUFFICIENT_STOCK', `only ${level.onHand} on hand, ${requested} asked for`, {
			path: ['quantity'],
			details: { onHand: level.onHand, requested },
		});
	switch (movement.kind) {
		case 'receipt': {
			if (!isCount(movement.quantity)) return invalid('a receipt brings a whole number above zero');
			if (!Number.isSafeInteger(movement.unitCostFen) || movement.unitCostFen < 0) {
				return err('MATERIALS.QUANTITY_INVALID', 'a unit cost is a whole number of fen', {
					path: ['unitCostFen'],
				});
			}
			const onHand = level.onHand + movement.quantity;
			const totalCost = level.onHand * level.averageCostFen + movement.quantity * movement.unitCostFen;
			return ok({
				level: { onHand, averageCostFen: roundHalfUp(totalCost, onHand) },
				valueFen: movement.quantity * movement.unitCostFen,
			});
		}
		case 'issue': {
			if (!isCount(movement.quantity)) return invalid('an issue takes a whole number above zero');
			if (movement.quantity > level.onHand) return short(movement.quantity);
			return ok({
				level: { ...level, onHand: level.onHand - movement.quantity },
				valueFen: movement.quantity * level.averageCostFen,
			});
		}
		case 'return': {
			if (!isCount(movement.quantity)) return invalid('a return brings back a whole number above zero');
			return ok({
				level: { ...level, onHand: level.onHand + movement.quantity },
				valueFen: movement.quantity * level.averageCostFen,
			});
		}
		case 'adjustment': {
			if (!Number.isSafeInteger(movement.delta) || movement.delta === 0) {
				return invalid('an adjustment changes the count by a whole number other than zero');
			}
			if (movement.reason.trim() === '') {
				return err('MATERIALS.QUANTITY_INVALID', 'a stock adjustment needs a reason', { path: ['reason'] });
			}
			if (level.onHand + movement.delta < 0) return short(-movement.delta);
			return ok({
				level: { ...level, onHand: level.onHand + movement.delta },
				valueFen: Math.abs(movement.delta) * level.averageCostFen,
			});
		}
	}
}

/** The level a whole ledger leads to, or the first movement that could not be applied. */
export function replayLedger(movements: readonly StockMovement[]): Result<StockLevel, StockError> {
	let level = EMPTY_STOCK;
	for (const movement of movements) {
		const change = applyStockMovement(level, movement);
		if (!change.ok) return change;
		level = change.value.level;
	}
	return ok(level);
}

/** Whether the store should reorder: at or below the item's reorder level (安全库存). */
export const isLowStock = (level: StockLevel, reorderLevel: number): boolean => level.onHand <= reorderLevel;

/** `numerator / denominator` rounded half up, in integers. */
export function roundHalfUp(numerator: number, denominator: number): number {
	if (denominator <= 0) throw new RangeError('denominator must be positive');
	return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
