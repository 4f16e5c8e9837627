import { describe, expect, it } from 'vitest';
import { applyPayment, arrearsOf, billStatus, collectionRate, NewPayment, reminderDue } from './payments';

const bill = { totalFen: 61306, paidFen: 0, dueDate: '2026-12-15' };

describe('payments', () => {
	it('take partial payments and refuse to overpay', () => {
		const partly = applyPayment(bill, 30000);
		expect(partly).toEqual({ ok: true, value: { ...bill, paidFen: 30000 } });
		if (!partly.ok) return;
		expect(billStatus(partly.value)).toBe('partially_paid');
		expect(applyPayment(partly.value, 31307)).toMatchObject({
			ok: false,
			error: { code: 'FEES.OVERPAYMENT', details: { outstandingFen: 31306 } },
		});
		const paid = applyPayment(partly.value, 31306);
		expect(paid.ok && billStatus(paid.value)).toBe('paid');
		expect(billStatus(bill)).toBe('unpaid');
		expect(applyPayment(bill, 0)).toMatchObject({ ok: false, error: { code: 'FEES.AMOUNT_INVALID' } });
		expect(applyPayment(bill, 10.5)).toMatchObject({ ok: false, error: { code: 'FEES.AMOUNT_INVALID' } });
	});

	it('need a reference unless paid in cash', () => {
		expect(NewPayment.safeParse({ amountFen: 100, method: 'online' }).success).toBe(false);
		expect(NewPayment.safeParse({ amountFen: 100, method: 'online', reference: 'WX20261123' }).success).toBe(
			true,
		);
		expect(NewPayment.safeParse({ amountFen: 100, method: 'cash' }).success).toBe(true);
		expect(NewPayment.safeParse({ amountFen: 1.5, method: 'cash' }).success).toBe(false);
	});
});

describe('arrears and collection', () => {
	const november = { totalFen: 30000, paidFen: 10000, dueDate: '2026-12-15' };
	const october = { totalFen: 20000, paidFen: 0, dueDate: '2026-11-15' };
	const september = { totalFen: 25000, paidFen: 25000, dueDate: '2026-10-15' };

	it('lists overdue bills with something outstanding, oldest first', () => {
		expect(arrearsOf([november, october, september], '2026-12-20')).toEqual({
			bills: [
				{ ...october, daysOverdue: 35 },
				{ ...november, daysOverdue: 5 },
			],
			totalFen: 40000,
		});
		expect(arrearsOf([november], '2026-12-15').bills).toEqual([]);
	});

	it('computes the collection rate of a set of bills, null when nothing was billed', () => {
		expect(collectionRate([november, october, september])).toEqual({
			billedFen: 75000,
			collectedFen: 35000,
			rate: 35000 / 75000,
		});
		expect(collectionRate([])).toEqual({ billedFen: 0, collectedFen: 0, rate: null });
	});

	it.each([
		['2026-12-12', 'due_soon'],
		['2026-12-13', null],
		['2026-12-15', null],
		['2026-12-16', 'overdue'],
		['2026-12-21', null],
		['2026-12-22', 'overdue'],
		['2027-01-14', 'overdue'],
	] as const)('reminds on %s: %s', (today, reminder) => {
		expect(reminderDue(november, today)).toBe(reminder);
		expect(reminderDue({ ...november, paidFen: 30000 }, today)).toBeNull();
	});
});
