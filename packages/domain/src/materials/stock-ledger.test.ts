import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStockMovement, EMPTY_STOCK, isLowStock, replayLedger } from './stock-ledger';
import type { StockMovement } from './stock-ledger';

describe('applyStockMovement', () => {
	it('averages the cost of receipts in whole fen, rounding half up', () => {
		// 10 at 3.50 yuan, then 5 at 3.65 yuan: (3500 + 1825) / 15 = 355 fen exactly.
		const first = applyStockMovement(EMPTY_STOCK, { kind: 'receipt', quantity: 10, unitCostFen: 350 });
		expect(first).toEqual({
			ok: true,
			value: { level: { onHand: 10, averageCostFen: 350 }, valueFen: 3500 },
		});
		if (!first.ok) return;
		const second = applyStockMovement(first.value.level, { kind: 'receipt', quantity: 5, unitCostFen: 365 });
		expect(second.ok && second.value.level).toEqual({ onHand: 15, averageCostFen: 355 });
		// 1 at 1 fen and 1 at 2 fen: 1.5 fen rounds up to 2.
		const halves = replayLedger([
			{ kind: 'receipt', quantity: 1, unitCostFen: 1 },
			{ kind: 'receipt', quantity: 1, unitCostFen: 2 },
		]);
		expect(halves).toEqual({ ok: true, value: { onHand: 2, averageCostFen: 2 } });
	});

	it('charges an issue at the average cost and refuses to issue more than is on hand', () => {
		const level = { onHand: 3, averageCostFen: 1250 };
		expect(applyStockMovement(level, { kind: 'issue', quantity: 2 })).toEqual({
			ok: true,
			value: { level: { onHand: 1, averageCostFen: 1250 }, valueFen: 2500 },
		});
		expect(applyStockMovement(level, { kind: 'issue', quantity: 4 })).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.INSUFFICIENT_STOCK', details: { onHand: 3, requested: 4 } },
		});
	});

	it('refuses fractional, zero and negative quantities and reasonless adjustments', () => {
		const level = { onHand: 3, averageCostFen: 100 };
		for (const movement of [
			{ kind: 'issue', quantity: 0.5 },
			{ kind: 'issue', quantity: 0 },
			{ kind: 'receipt', quantity: -1, unitCostFen: 10 },
			{ kind: 'receipt', quantity: 1, unitCostFen: 10.5 },
			{ kind: 'return', quantity: 0 },
			{ kind: 'adjustment', delta: 0, reason: 'count' },
			{ kind: 'adjustment', delta: -1, reason: ' ' },
		] satisfies StockMovement[]) {
			expect(applyStockMovement(level, movement)).toMatchObject({
				ok: false,
				error: { code: 'MATERIALS.QUANTITY_INVALID' },
			});
		}
		expect(applyStockMovement(level, { kind: 'adjustment', delta: -4, reason: 'stocktake' })).toMatchObject({
			ok: false,
			error: { code: 'MATERIALS.INSUFFICIENT_STOCK' },
		});
	});

	it('never lets any ledger reach a negative count', () => {
		const movement = fc.oneof(
			fc.record({
				kind: fc.constant('receipt' as const),
				quantity: fc.integer({ min: 1, max: 50 }),
				unitCostFen: fc.nat(10_000),
			}),
			fc.record({ kind: fc.constant('issue' as const), quantity: fc.integer({ min: 1, max: 50 }) }),
			fc.record({ kind: fc.constant('return' as const), quantity: fc.integer({ min: 1, max: 5 }) }),
			fc.record({
				kind: fc.constant('adjustment' as const),
				delta: fc.integer({ min: -20, max: 20 }),
				reason: fc.constant('count'),
			}),
		);
		fc.assert(
			fc.property(fc.array(movement, { maxLength: 40 }), (movements) => {
				let level = EMPTY_STOCK;
				for (const m of movements) {
					const change = applyStockMovement(level, m);
					if (change.ok) level = change.value.level;
					expect(level.onHand).toBeGreaterThanOrEqual(0);
				}
			}),
		);
	});
});

describe('isLowStock', () => {
	it('is true at and below the reorder level', () => {
		expect(isLowStock({ onHand: 5, averageCostFen: 0 }, 5)).toBe(true);
		expect(isLowStock({ onHand: 6, averageCostFen: 0 }, 5)).toBe(false);
	});
});
