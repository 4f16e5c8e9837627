import { describe, expect, it } from 'vitest';
import { MAX_EVENT_DAYS, MAX_IMPORTED_DAYS, parseIcsCalendar } from './ics-calendar';

const ics = (...lines: string[]) =>
	['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN holidays//ZH', ...lines, 'END:VCALENDAR'].join(
		'\r\n',
	);

const event = (...props: string[]) => [
	'BEGIN:VEVENT',
	`UID:${props.join('|').length}@test`,
	...props,
	'END:VEVENT',
];

const parsed = (text: string) => {
	const result = parseIcsCalendar(text);
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
};

describe('parseIcsCalendar', () => {
	it('turns a multi-day all-day event into a holiday on each date, DTEND exclusive', () => {
		const { days, skipped } = parsed(
			ics(...event('DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:国庆节')),
		);
		expect(days.map((d) => d.date)).toEqual([
			'2026-10-01',
			'2026-10-02',
			'2026-10-03',
			'2026-10-04',
			'2026-10-05',
			'2026-10-06',
			'2026-10-07',
		]);
		expect(days.every((d) => d.kind === 'holiday' && d.name === '国庆节')).toBe(true);
		expect(skipped).toEqual([]);
	});

	it.each([
		['SUMMARY:国庆节补班', 'workday'],
		['SUMMARY:上班', 'workday'],
		['SUMMARY:National Day (workday)', 'workday'],
		['SUMMARY:Adjusted working day', 'workday'],
		['SUMMARY:中秋节', 'holiday'],
		['SUMMARY:Mid-Autumn Festival', 'holiday'],
	])('reads %s as a %s', (summary, kind) => {
		const { days } = parsed(ics(...event('DTSTART;VALUE=DATE:20261010', summary)));
		expect(days).toEqual([{ date: '2026-10-10', kind, name: summary.slice('SUMMARY:'.length) }]);
	});

	it('reads a working day from CATEGORIES when the summary does not say', () => {
		const { days } = parsed(
			ics(...event('DTSTART;VALUE=DATE:20260920', 'SUMMARY:国庆节', 'CATEGORIES:节假日,班')),
		);
		expect(days).toEqual([{ date: '2026-09-20', kind: 'workday', name: '国庆节' }]);
	});

	it('unfolds folded lines (RFC 5545 §3.1), Chinese text included', () => {
		const text = [
			'BEGIN:VCALENDAR',
			'BEGIN:VEVENT',
			'DTSTART;VALUE=DATE:2026',
			' 0101',
			'SUMMARY:元旦',
			'\t（新年）',
			'END:VEVENT',
			'END:VCALENDAR',
		].join('\r\n');
		expect(parsed(text).days).toEqual([{ date: '2026-01-01', kind: 'holiday', name: '元旦（新年）' }]);
	});

	it('takes LF-only files, a byte-order mark, bare DATE values and escaped text', () => {
		const text =
			'\uFEFF' +
			[
				'BEGIN:VCALENDAR',
				'BEGIN:VEVENT',
				'DTSTART:20260501',
				'DURATION:P5D',
				'SUMMARY:劳动节\\, 五一\\; 休',
				'END:VEVENT',
				'END:VCALENDAR',
			].join('\n');
		const { days } = parsed(text);
		expect(days).toHaveLength(5);
		expect(days[0]).toEqual({ date: '2026-05-01', kind: 'holiday', name: '劳动节, 五一; 休' });
		expect(days.at(-1)?.date).toBe('2026-05-05');
	});

	it('counts a DURATION in weeks and makes an event without an end one day long', () => {
		const { days } = parsed(
			ics(
				...event('DTSTART;VALUE=DATE:20260216', 'DURATION:P1W', 'SUMMARY:春节'),
				...event('DTSTART;VALUE=DATE:20260405', 'SUMMARY:清明节'),
			),
		);
		expect(days.filter((d) => d.name === '春节')).toHaveLength(7);
		expect(days.filter((d) => d.name === '清明节').map((d) => d.date)).toEqual(['2026-04-05']);
	});

	it('ignores the properties of an alarm inside an event', () => {
		const { days } = parsed(
			ics(
				'BEGIN:VEVENT',
				'DTSTART;VALUE=DATE:20260619',
				'SUMMARY:端午节',
				'BEGIN:VALARM',
				'TRIGGER:-PT15M',
				'DESCRIPTION:上班提醒',
				'SUMMARY:上班',
				'END:VALARM',
				'END:VEVENT',
			),
		);
		expect(days).toEqual([{ date: '2026-06-19', kind: 'holiday', name: '端午节' }]);
	});

	it('skips timed, recurring and malformed events, and says why and where', () => {
		const { days, skipped } = parsed(
			ics(
				...event('DTSTART:20261001T090000Z', 'DTEND:20261001T100000Z', 'SUMMARY:例会'),
				...event('DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'SUMMARY:元旦'),
				...event('DTSTART;VALUE=DATE:20260230', 'SUMMARY:不存在的日子'),
				...event('DTSTART;VALUE=DATE:20261008', 'DTEND;VALUE=DATE:20261001', 'SUMMARY:倒过来'),
				...event('SUMMARY:没有开始'),
				...event('DTSTART;VALUE=DATE:20260701', 'DTEND;VALUE=DATE:20260901', 'SUMMARY:暑假'),
				...event('DTSTART;VALUE=DATE:20261001', 'DTEND:20261002T120000', 'SUMMARY:半天'),
			),
		);
		expect(days).toEqual([]);
		expect(skipped.map((s) => [s.summary, s.reason])).toEqual([
			['例会', 'not_all_day'],
			['元旦', 'recurring'],
			['不存在的日子', 'invalid_dates'],
			['倒过来', 'invalid_dates'],
			['没有开始', 'invalid_dates'],
			['暑假', 'too_long'],
			['半天', 'not_all_day'],
		]);
		expect(skipped[0]?.line).toBe(4);
		expect(MAX_EVENT_DAYS).toBeLessThan(62);
	});

	it('keeps the first event of a date and lists the later one as a duplicate', () => {
		const { days, skipped } = parsed(
			ics(
				...event('DTSTART;VALUE=DATE:20261001', 'SUMMARY:国庆节'),
				...event('DTSTART;VALUE=DATE:20261001', 'SUMMARY:国庆节 班'),
			),
		);
		expect(days).toEqual([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }]);
		expect(skipped).toEqual([
			{ line: 9, summary: '国庆节 班', reason: 'duplicate_date', date: '2026-10-01' },
		]);
	});

	it('names a day without a summary from its categories, or by its kind', () => {
		const { days } = parsed(
			ics(
				...event('DTSTART;VALUE=DATE:20260101', 'CATEGORIES:Public holiday'),
				...event('DTSTART;VALUE=DATE:20260102'),
			),
		);
		expect(days.map((d) => d.name)).toEqual(['Public holiday', '假日']);
	});

	it.each([
		['an empty file', ''],
		['a vCard', 'BEGIN:VCARD\r\nFN:王芳\r\nEND:VCARD'],
		['plain text', '国庆节放假 10月1日至7日'],
	])('refuses %s', (_, text) => {
		expect(parseIcsCalendar(text)).toMatchObject({
			ok: false,
			error: { code: 'CALENDAR.ICS_INVALID', path: ['body'] },
		});
	});

	it('refuses a file with more days than a calendar holds', () => {
		const many = Array.from({ length: 70 }, (_, i) =>
			event(`DTSTART;VALUE=DATE:${2000 + i}0101`, `DTEND;VALUE=DATE:${2000 + i}0201`, 'SUMMARY:假'),
		).flat();
		expect(70 * 31).toBeGreaterThan(MAX_IMPORTED_DAYS);
		expect(parseIcsCalendar(ics(...many))).toMatchObject({
			ok: false,
			error: { code: 'CALENDAR.ICS_INVALID' },
		});
	});
});
