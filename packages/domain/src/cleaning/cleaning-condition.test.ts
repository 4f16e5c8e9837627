import { describe, expect, it } from 'vitest';
import { StaffId, ZoneId } from '../shared/ids';
import { ConditionPeriod, conditionsOn } from './cleaning-condition';

const supervisor = StaffId.parse('sup-he');
const lawn = ZoneId.parse('zone-lawn');
const periods: ConditionPeriod[] = [
	{ condition: 'holiday', from: '2026-04-04', to: '2026-04-06', setBy: supervisor },
	{ condition: 'event', from: '2026-04-05', to: '2026-04-05', zoneIds: [lawn], setBy: supervisor },
	{ condition: 'bad_weather', from: '2026-04-07', to: '2026-04-08', setBy: supervisor, note: '暴雨预警' },
];

describe('conditionsOn', () => {
	it.each<[string, string, string, string[]]>([
		['before any period', '2026-04-03', 'zone-road', []],
		['on the first day of a range', '2026-04-04', 'zone-road', ['holiday']],
		['on the last day of a range', '2026-04-06', 'zone-road', ['holiday']],
		['for a zone an event names', '2026-04-05', 'zone-lawn', ['holiday', 'event']],
		['for a zone an event does not name', '2026-04-05', 'zone-road', ['holiday']],
		['after the holiday', '2026-04-08', 'zone-road', ['bad_weather']],
	])('finds the conditions %s', (_, date, zone, expected) => {
		expect([...conditionsOn(periods, date, ZoneId.parse(zone))]).toEqual(expected);
	});
});

describe('ConditionPeriod', () => {
	it('rejects a range that ends before it starts', () => {
		const result = ConditionPeriod.safeParse({
			condition: 'holiday',
			from: '2026-04-06',
			to: '2026-04-04',
			setBy: 'sup-he',
		});
		expect(result.success).toBe(false);
	});
});
