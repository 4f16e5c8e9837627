import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMonthlyBill, periodBounds } from './monthly-bill';
import type { BillInput } from './monthly-bill';

// 3.80 元/m²/month, water 3.45 元/t, electricity 0.617 元/kWh, due 15 days after the month.
const rates = { propertyFeeFenPerM2Month: 380, waterLiPerUnit: 3450, electricityLiPerUnit: 617, dueDays: 15 };
const fullMonth: BillInput = {
	period: '2026-11',
	rates,
	areaCentiM2: 8947,
	occupancy: { from: '2020-05-01', until: null },
	parkingSpaces: [],
	meterReadings: [],
	repairCharges: [],
};

describe('generateMonthlyBill', () => {
	it('charges a full month of property fee on the floor area, rounded once to fen', () => {
		// 380 × 89.47 = 33998.6 fen
		const bill = generateMonthlyBill(fullMonth);
		expect(bill).toMatchObject({
			ok: true,
			value: {
				periodStart: '2026-11-01',
				periodEnd: '2026-11-30',
				dueDate: '2026-12-15',
				lines: [{ kind: 'property_fee', quantity: 30, amountFen: 33999 }],
				totalFen: 33999,
			},
		});
	});

	it('pro-rates a move-in and a parking space by days and adds meters and repairs', () => {
		const bill = generateMonthlyBill({
			...fullMonth,
			occupancy: { from: '2026-11-11', until: null },
			parkingSpaces: [{ spaceCode: 'B2-017', monthlyFen: 30000, from: '2026-11-16', until: null }],
			meterReadings: [
				{ kind: 'water', previous: 100, current: 112 },
				{ kind: 'electricity', previous: 5000, current: 5235 },
			],
			repairCharges: [{ workOrderCode: 'R7K2Q9', amountFen: 5000 }],
		});
		expect(bill.ok).toBe(true);
		if (!bill.ok) return;
		expect(bill.value.lines).toEqual([
			// 380 × 89.47 × 20 / 30 = 22665.73
			{ kind: 'property_fee', reference: '89.47 m²', quantity: 20, amountFen: 22666 },
			// 300 元 × 15 / 30
			{ kind: 'parking', reference: 'B2-017', quantity: 15, amountFen: 15000 },
			// 12 t × 3.45 元
			{ kind: 'water', reference: '100→112', quantity: 12, amountFen: 4140 },
			// 235 kWh × 0.617 元 = 144.995 元: half a fen rounds up
			{ kind: 'electricity', reference: '5000→5235', quantity: 235, amountFen: 14500 },
			{ kind: 'repair', reference: 'R7K2Q9', quantity: 1, amountFen: 5000 },
		]);
		expect(bill.value.totalFen).toBe(61306);
	});

	it('charges a move-out to its last day and February by its own length', () => {
		const movedOut = generateMonthlyBill({
			...fullMonth,
			occupancy: { from: '2020-05-01', until: '2026-11-05' },
		});
		// 380 × 89.47 × 5 / 30 = 5666.43
		expect(movedOut.ok && movedOut.value.lines[0]).toMatchObject({ quantity: 5, amountFen: 5666 });
		expect(periodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29', days: 29 });
		const leap = generateMonthlyBill({
			...fullMonth,
			period: '2028-02',
			occupancy: { from: '2028-02-15', until: null },
		});
		// 380 × 89.47 × 15 / 29 = 17585.48
		expect(leap.ok && leap.value.lines[0]).toMatchObject({ quantity: 15, amountFen: 17585 });
	});

	it('refuses a meter that ran backwards and a month with nothing held', () => {
		expect(
			generateMonthlyBill({ ...fullMonth, meterReadings: [{ kind: 'water', previous: 50, current: 49 }] }),
		).toMatchObject({
			ok: false,
			error: { code: 'FEES.METER_READING_INVALID', path: ['meterReadings', 0, 'current'] },
		});
		expect(
			generateMonthlyBill({ ...fullMonth, occupancy: { from: '2026-12-01', until: null } }),
		).toMatchObject({
			ok: false,
			error: { code: 'FEES.NOTHING_TO_BILL' },
		});
	});

	it('always totals exactly the sum of its lines, in whole fen', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1000, max: 50000 }),
				fc.integer({ min: 1, max: 30 }),
				fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 2 }),
				(area, moveInDay, usage) => {
					const bill = generateMonthlyBill({
						...fullMonth,
						areaCentiM2: area,
						occupancy: { from: `2026-11-${String(moveInDay).padStart(2, '0')}`, until: null },
						meterReadings: usage.map((u, i) => ({
							kind: i === 0 ? 'water' : 'electricity',
							previous: 0,
							current: u,
						})),
					});
					expect(bill.ok).toBe(true);
					if (!bill.ok) return;
					expect(bill.value.totalFen).toBe(bill.value.lines.reduce((s, l) => s + l.amountFen, 0));
					for (const line of bill.value.lines) expect(Number.isInteger(line.amountFen)).toBe(true);
				},
			),
		);
	});
});
