import { classifyUrgency, isCategoryOf } from '@estate-ops/domain/work-orders';
import { describe, expect, it } from 'vitest';
import { createDice, mulberry32 } from '../seed/random';
import { drawKioskFiling, placeNamedIn, type Household, type PublicPlace } from './resident-request.plan';

const households: Household[] = [
	{ roomId: 'room-1', buildingName: '3栋', phoneLast4: '5678' },
	{ roomId: 'room-2', buildingName: '8栋', phoneLast4: '1234' },
];
const places: PublicPlace[] = [
	{ id: 'playground', name: '儿童游乐区', kind: 'playground' },
	{ id: 'north-gate', name: '北大门', kind: 'gate' },
	{ id: 'clubhouse', name: '御景会所', kind: 'clubhouse' },
	{ id: 'garden', name: '中心花园', kind: 'green' },
];

describe('drawKioskFiling', () => {
	const dice = createDice(mulberry32(12));
	const filings = Array.from({ length: 600 }, () => drawKioskFiling(dice, households, places));

	it('files repairs of a household that can be identified at the kiosk', () => {
		for (const filing of filings) {
			expect(filing.kind).toBe('repair');
			expect(isCategoryOf(filing.kind, filing.category)).toBe(true);
			expect(households).toContainEqual(
				expect.objectContaining({ roomId: filing.roomId, phoneLast4: filing.phoneLast4 }),
			);
			expect(filing.description).not.toContain('{楼}');
		}
	});

	it('is mostly plumbing and electrical, with an emergency only rarely', () => {
		const share = (category: string) =>
			filings.filter((filing) => filing.category === category).length / filings.length;
		expect(share('plumbing') + share('electrical')).toBeGreaterThan(0.4);
		const urgent = filings.filter((filing) => classifyUrgency(filing).urgency === 'urgent');
		expect(urgent.length / filings.length).toBeLessThan(0.03);
	});

	it('names the resident’s own tower in a request about a tower, and a public place where one is named', () => {
		const aboutTower = filings.filter((filing) => /^\d+栋/.test(filing.description));
		expect(aboutTower.length).toBeGreaterThan(0);
		for (const filing of aboutTower) {
			const own = households.find((household) => household.roomId === filing.roomId);
			expect(filing.description.startsWith(own?.buildingName ?? '?')).toBe(true);
		}
		const placed = filings.filter((filing) => filing.publicPlaceId !== undefined);
		expect(placed.length).toBeGreaterThan(0);
	});
});

describe('placeNamedIn', () => {
	it.each([
		['儿童游乐区滑梯有一颗螺丝松动', 'playground'],
		['北大门道闸抬杆很慢，车辆排队', 'north-gate'],
		['会所健身房跑步机显示故障', 'clubhouse'],
		['中心花园的休闲座椅木条断了', 'garden'],
		['卧室两个插座没电', null],
	])('finds where “%s” is', (text, expected) => {
		expect(placeNamedIn(text, places)?.id ?? null).toBe(expected);
	});
});
