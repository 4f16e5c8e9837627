import { describe, expect, it } from 'vitest';
import { fixOf, whereaboutsOf } from './where-i-am';

const position = (coords: Partial<GeolocationCoordinates>, timestamp = Date.parse('2026-03-02T08:00:05Z')) =>
	({
		timestamp,
		coords: {
			longitude: 121.5435,
			latitude: 31.2195,
			accuracy: 12,
			altitude: null,
			altitudeAccuracy: null,
			heading: null,
			speed: null,
			...coords,
		},
	}) as GeolocationPosition;

describe('a browser position as a reported fix', () => {
	it("takes the device time from the fix's own timestamp and the battery when known", () => {
		expect(fixOf(whereaboutsOf(position({ heading: 90, speed: 1.2 })), 63.4)).toEqual({
			deviceTime: '2026-03-02T08:00:05.000Z',
			lng: 121.5435,
			lat: 31.2195,
			accuracyM: 12,
			headingDeg: 90,
			speedMps: 1.2,
			batteryPct: 63,
		});
	});

	it('leaves out a heading the platform does not know (NaN while standing still) and an unknown battery', () => {
		const fix = fixOf(whereaboutsOf(position({ heading: Number.NaN, speed: 0 })), null);
		expect(fix).not.toHaveProperty('headingDeg');
		expect(fix).not.toHaveProperty('batteryPct');
		expect(fix.speedMps).toBe(0);
	});

	it('keeps a huge indoor accuracy within what the api takes', () => {
		expect(whereaboutsOf(position({ accuracy: 250_000 })).accuracyM).toBe(100_000);
	});
});
