import { z } from 'zod';
import { err, ok } from '../shared/result';
import type { DomainError, Result } from '../shared/result';
import { daysBetween } from '../shared/time';
import type { LocalDate } from '../shared/time';

/** How a payment came in; online and bank payments carry the payer's reference, cash a front-desk receipt. */
export const PaymentMethod = z.enum(['online', 'bank_transfer', 'cash']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const NewPayment = z
	.object({
		amountFen: z.number().int().positive().max(100_000_000_00),
		method: PaymentMethod,
		reference: z.string().trim().max(64).default(''),
	})
	.refine((p) => p.method === 'cash' || p.reference !== '', {
		message: 'an online or bank payment needs its reference',
		path: ['reference'],
	});
export type NewPayment = z.infer<typeof NewPayment>;

export type BillStatus = 'unpaid' | 'partially_paid' | 'paid';

/** What matters of a bill for collection: its total, what has been paid against it, and its due date. */
export type BillBalance = {
	readonly totalFen: number;
	readonly paidFen: number;
	readonly dueDate: LocalDate;
};

export const outstandingFen = (bill: BillBalance): number => bill.totalFen - bill.paidFen;

export function billStatus(bill: BillBalance): BillStatus {
	if (bill.paidFen <= 0) return 'unpaid';
	return bill.paidFen >= bill.totalFen ? 'paid' : 'partially_paid';
}

/**
 * A payment against a bill: partial payments are welcome, overpayment is refused (the desk gives change or
 * the bank transfer is queried; a credit balance is not kept on a bill).
 */
export function applyPayment<B extends BillBalance>(
	bill: B,
	amountFen: number,
): Result<B, DomainError<'FEES.OVERPAYMENT' | 'FEES.AMOUNT_INVALID'>> {
	if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
		return err('FEES.AMOUNT_INVALID', 'a payment is a whole number of fen above zero', {
			path: ['amountFen'],
		});
	}
	const due = outstandingFen(bill);
	if (amountFen > due) {
		return err('FEES.OVERPAYMENT', `only ${due} fen is outstanding on this bill`, {
			path: ['amountFen'],
			details: { outstandingFen: due },
		});
	}
	return ok({ ...bill, paidFen: bill.paidFen + amountFen });
}

/** Arrears (欠费): bills past their due date with something outstanding, oldest first, and their total. */
export function arrearsOf<B extends BillBalance>(
	bills: readonly B[],
	today: LocalDate,
): { readonly bills: readonly (B & { readonly daysOverdue: number })[]; readonly totalFen: number } {
	const overdue = bills
		.filter((bill) => outstandingFen(bill) > 0 && bill.dueDate < today)
		.map((bill) => ({ ...bill, daysOverdue: daysBetween(bill.dueDate, today) }))
		.sort((a, b) => b.daysOverdue - a.daysOverdue);
	return { bills: overdue, totalFen: overdue.reduce((sum, bill) => sum + outstandingFen(bill), 0) };
}

/**
 * The collection rate (收缴率) of a set of bills (an estate's, a building's, a month's): collected over billed.
 * `rate` is null when nothing was billed, so that "no bills" never reads as 0 %.
 */
export function collectionRate(bills: readonly BillBalance[]): {
	readonly billedFen: number;
	readonly collectedFen: number;
	readonly rate: number | null;
} {
	const billedFen = bills.reduce((sum, bill) => sum + bill.totalFen, 0);
	const collectedFen = bills.reduce((sum, bill) => sum + Math.min(bill.paidFen, bill.totalFen), 0);
	return { billedFen, collectedFen, rate: billedFen === 0 ? null : collectedFen / billedFen };
}

/** Days before the due date when a "fee due" reminder goes out, and days after it when an overdue one does. */
export const REMINDER_DAYS_BEFORE_DUE = 3;
export const OVERDUE_REMINDER_DAYS: readonly number[] = [1, 7, 30];

/** Which reminder, if any, a bill earns today: one a day at most, so a daily job can run it safely. */
export function reminderDue(bill: BillBalance, today: LocalDate): 'due_soon' | 'overdue' | null {
	if (outstandingFen(bill) <= 0) return null;
	const daysToDue = daysBetween(today, bill.dueDate);
	if (daysToDue === REMINDER_DAYS_BEFORE_DUE) return 'due_soon';
	return OVERDUE_REMINDER_DAYS.includes(-daysToDue) ? 'overdue' : null;
}
