import type { DutyRole, DutyShift, Weekday } from '@estate-ops/domain/duty';
import type { Department } from '@estate-ops/domain/estate';
import { m } from '$lib/paraglide/messages';

const DEPARTMENT: Record<Department, () => string> = {
	customer_service: m.dept_customer_service,
	engineering: m.dept_engineering,
	security: m.dept_security,
	cleaning: m.dept_cleaning,
	landscaping: m.dept_landscaping,
	quality: m.dept_quality,
	finance: m.dept_finance,
	management: m.dept_management,
};
const ROLE: Record<DutyRole, () => string> = {
	lead: m.duty_role_lead,
	head: m.duty_role_head,
	member: m.duty_role_member,
};

export const departmentLabel = (department: Department): string => DEPARTMENT[department]();
export const roleLabel = (role: DutyRole): string => ROLE[role]();

// 2026-03-02 is a Monday: the weekday names come from Intl in the reader's language.
const MONDAY = Date.UTC(2026, 2, 2);
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function weekdayLabel(day: Weekday, locale: string): string {
	const index = WEEKDAYS.indexOf(day);
	return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
		new Date(MONDAY + index * 86_400_000),
	);
}

/** "20:00–08:00 (next day)": an end at or before the start is on the next day. */
export function shiftHours(shift: Pick<DutyShift, 'start' | 'end'>): string {
	const overnight = shift.end <= shift.start;
	return `${shift.start}–${shift.end}${overnight ? `（${m.duty_next_day()}）` : ''}`;
}

/** "Every Mon, Wed, Fri", "Every working day", "On 2026-10-01". */
export function repeatLabel(repeat: DutyShift['repeat'], locale: string): string {
	switch (repeat.kind) {
		case 'weekly':
			return m.duty_repeat_weekly({
				days: new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' }).format(
					[...repeat.weekdays]
						.sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b))
						.map((day) => weekdayLabel(day, locale)),
				),
			});
		case 'working_days':
			return m.duty_repeat_working_days();
		case 'dated':
			return m.duty_repeat_dated({ date: repeat.date });
	}
}
