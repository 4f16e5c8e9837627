import { describe, expect, it } from 'vitest';
import { emergencyOf, hazardsOf } from './emergency';

describe('hazardsOf', () => {
	it.each([
		[['水管爆裂'], ['water']],
		[['gas smell'], ['gas']],
		[['gas leak'], ['gas']],
		[['燃氣'], ['gas']],
		[['电梯困人'], ['lift']],
		[['trapped in the lift'], ['lift']],
		[['停電'], ['power']],
		[['no power'], ['power']],
		[['冒烟'], ['fire']],
		[['stolen'], ['theft']],
		[
			['漏水', '断电'],
			['power', 'water'],
		],
		[[], []],
	])('names %j as %j', (keywords, hazards) => {
		expect(hazardsOf(keywords)).toEqual(hazards);
	});
});

describe('emergencyOf', () => {
	it('is urgent, with its hazard, for a burst pipe', () => {
		expect(emergencyOf({ kind: 'repair', category: 'plumbing', description: '卫生间水管爆裂' })).toEqual({
			urgent: true,
			hazards: ['water'],
		});
	});

	it('is not urgent for a dripping tap', () => {
		expect(emergencyOf({ kind: 'repair', category: 'plumbing', description: '水龙头一直滴水' })).toEqual({
			urgent: false,
			hazards: [],
		});
	});

	it('never calls a booking an emergency', () => {
		expect(emergencyOf({ kind: 'booking', category: 'cleaning_deep', description: 'gas leak' }).urgent).toBe(
			false,
		);
	});
});
