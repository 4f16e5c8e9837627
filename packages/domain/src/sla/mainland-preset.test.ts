import { describe, expect, it } from 'vitest';
import { HAPPY_PATH, kiosk, run } from '../work-orders/work-order.fixtures';
import { workOrderSla } from '../work-orders/work-order-clocks';
import { CHINESE_DAYS_2026_ICS } from './chinese-days-2026.fixture';
import { parseIcsCalendar } from './ics-calendar';
import { mainlandChinaCalendar } from './mainland-china-calendar';
import { DEFAULT_SLA_RULES } from './sla-rules';
import { isWorkingTime, workingHoursOn } from './working-time';

// SPEC.md "Calendar that knows 调休", on the published 2026 schedule (chinese-days' own .ics feed).
const imported = parseIcsCalendar(CHINESE_DAYS_2026_ICS);
if (!imported.ok) throw new Error(imported.error.message);
const { days } = imported.value;
const workdays = days.filter((day) => day.kind === 'workday');
const holidays = days.filter((day) => day.kind === 'holiday');

const preset = mainlandChinaCalendar({
	hours: [{ start: '09:00', end: '18:00' }],
	holidays: holidays.map(({ date, name }) => ({ date, name })),
	adjustedWorkingDays: workdays.map(({ date, name }) => ({ date, name })),
});
if (!preset.ok) throw new Error(preset.error.message);
const calendar = preset.value;

describe('the mainland China preset of 2026', () => {
	it('has the National Day week off and 调休 Sunday 20 September and Saturday 10 October worked', () => {
		expect(holidays.filter((day) => day.date.startsWith('2026-10')).map((day) => day.date)).toEqual([
			'2026-10-01',
			'2026-10-02',
			'2026-10-03',
			'2026-10-04',
			'2026-10-05',
			'2026-10-06',
			'2026-10-07',
		]);
		expect(workdays.map((day) => day.date)).toEqual([
			'2026-01-04',
			'2026-02-14',
			'2026-02-28',
			'2026-05-09',
			'2026-09-20',
			'2026-10-10',
		]);
		expect(imported.value.skipped).toEqual([]);
	});

	it('puts a general order filed on 30 September at 17:00 due on the 调休 Saturday, the holiday week skipped', () => {
		const [submit] = HAPPY_PATH.submitted;
		const order = run([[submit, kiosk, new Date('2026-09-30T17:00:00+08:00')]]).state;
		expect(order.urgency).toBe('general');
		const sla = workOrderSla(order, DEFAULT_SLA_RULES, calendar, new Date('2026-09-30T17:05:00+08:00'));
		const resolve = sla.clocks.find((clock) => clock.clock === 'resolve');
		// 3 working days of 9 h: 1 h on 30 September, 9 h on 8 and 9 October, the last 8 h on Saturday 10 October.
		expect(resolve?.dueAt).toEqual(new Date('2026-10-10T17:00:00+08:00'));
		expect(workdays.map((day) => day.date)).toContain('2026-10-10');
		expect(workingHoursOn(calendar, '2026-10-10')).toEqual([{ start: '09:00', end: '18:00' }]);
		for (const day of ['01', '02', '03', '04', '05', '06', '07']) {
			expect(isWorkingTime(calendar, new Date(`2026-10-${day}T12:00:00+08:00`)), day).toBe(false);
		}
	});
});
