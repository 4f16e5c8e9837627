import { z } from 'zod';
import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';
import type { LocalDate } from '../shared/time';
import { addDays, daysBetween } from '../shared/time';
import type { FeeItemKind, FeeRates } from './fee-rates';
import { divideRoundingHalfUp, LI_PER_FEN } from './money';

/** A billing month, `YYYY-MM`. */
export const BillingPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export type BillingPeriod = z.infer<typeof BillingPeriod>;

/** Something billed for part of a month is billed for the days it ran, both ends included. */
export type DateSpan = { readonly from: LocalDate; readonly until: LocalDate | null };

export type BillInput = {
	readonly period: BillingPeriod;
	readonly rates: FeeRates;
	/** The room's floor area in hundredths of a square metre (89.47 m² → 8947), and when the household held it. */
	readonly areaCentiM2: number;
	readonly occupancy: DateSpan;
	readonly parkingSpaces: readonly (DateSpan & { readonly spaceCode: string; readonly monthlyFen: number })[];
	readonly meterReadings: readonly {
		readonly kind: 'water' | 'electricity';
		readonly previous: number;
		readonly current: number;
	}[];
	readonly repairCharges: readonly { readonly workOrderCode: string; readonly amountFen: number }[];
};

/** One line of a bill; `reference` is what the line is for (the space, the meter, the work order). */
export type BillLine = {
	readonly kind: FeeItemKind;
	readonly reference: string;
	/** Days charged of the month, units read from a meter, or 1 for a repair. */
	readonly quantity: number;
	readonly amountFen: number;
};

export type MonthlyBill = {
	readonly period: BillingPeriod;
	readonly periodStart: LocalDate;
	readonly periodEnd: LocalDate;
	readonly dueDate: LocalDate;
	readonly lines: readonly BillLine[];
	readonly totalFen: number;
};

export type BillError = DomainError<'FEES.METER_READING_INVALID' | 'FEES.NOTHING_TO_BILL'>;

export function periodBounds(period: BillingPeriod): { start: LocalDate; end: LocalDate; days: number } {
	const [year, month] = period.split('-').map(Number) as [number, number];
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return { start: `${period}-01`, end: `${period}-${String(days).padStart(2, '0')}`, days };
}

/** How many days of the period a span covers, both ends included. */
export function daysCovered(span: DateSpan, start: LocalDate, end: LocalDate): number {
	const from = span.from > start ? span.from : start;
	const until = span.until !== null && span.until < end ? span.until : end;
	return from > until ? 0 : daysBetween(from, until) + 1;
}

/**
 * The household's bill for one month. Monthly fees (property fee, parking) are pro-rated by the days held
 * in the month (a move-in on the 11th of a 30-day month pays 20/30); each line is rounded to fen once,
 * half up; the total is the sum of the rounded lines, so a printed bill always adds up.
 */
export function generateMonthlyBill(input: BillInput): Result<MonthlyBill, BillError> {
	const { start, end, days } = periodBounds(input.period);
	const lines: BillLine[] = [];
	const occupiedDays = daysCovered(input.occupancy, start, end);
	if (occupiedDays > 0) {
		lines.push({
			kind: 'property_fee',
			reference: `${input.areaCentiM2 / 100} m²`,
			quantity: occupiedDays,
			amountFen: divideRoundingHalfUp(
				input.rates.propertyFeeFenPerM2Month * input.areaCentiM2 * occupiedDays,
				100 * days,
			),
		});
	}
	for (const space of input.parkingSpaces) {
		const spaceDays = daysCovered(space, start, end);
		if (spaceDays === 0) continue;
		lines.push({
			kind: 'parking',
			reference: space.spaceCode,
			quantity: spaceDays,
			amountFen: divideRoundingHalfUp(space.monthlyFen * spaceDays, days),
		});
	}
	for (const [index, reading] of input.meterReadings.entries()) {
		const used = reading.current - reading.previous;
		if (!Number.isSafeInteger(used) || used < 0) {
			return err('FEES.METER_READING_INVALID', 'the current reading is below the previous one', {
				path: ['meterReadings', index, 'current'],
			});
		}
		const priceLi = reading.kind === 'water' ? input.rates.waterLiPerUnit : input.rates.electricityLiPerUnit;
		lines.push({
			kind: reading.kind,
			reference: `${reading.previous}→${reading.current}`,
			quantity: used,
			amountFen: divideRoundingHalfUp(used * priceLi, LI_PER_FEN),
		});
	}
	for (const charge of input.repairCharges) {
		lines.push({ kind: 'repair', reference: charge.workOrderCode, quantity: 1, amountFen: charge.amountFen });
	}
	if (lines.length === 0)
		return err('FEES.NOTHING_TO_BILL', 'the household held nothing to bill in this month');
	return ok({
		period: input.period,
		periodStart: start,
		periodEnd: end,
		dueDate: addDays(end, input.rates.dueDays),
		lines,
		totalFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
	});
}
