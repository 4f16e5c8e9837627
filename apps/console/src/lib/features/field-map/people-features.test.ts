import { describe, expect, it } from 'vitest';
import type { FieldPerson } from './field-people';
import { peopleFeatures, trackFeatures } from './people-features';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);
const person = (personId: string, change: Partial<FieldPerson> = {}): FieldPerson => ({
	personId,
	role: 'guard',
	lng: 121.5,
	lat: 31.2,
	accuracyM: 5,
	headingDeg: 45,
	at: at('01:00:00'),
	stale: false,
	outside: false,
	name: '王保安',
	...change,
});
const glyph = (role: string) => role.slice(0, 1).toUpperCase();

describe('peopleFeatures', () => {
	it('draws each person once with their trade, heading, stale, outside and SOS', () => {
		const sos = new Map([['g2', { personId: 'g2', name: '赵保安', point: [121.6, 31.3] as [number, number] }]]);
		const collection = peopleFeatures(
			[person('g1'), person('g2', { stale: true, headingDeg: null, outside: true })],
			sos,
			glyph,
		);
		expect(collection.features.map((feature) => feature.properties)).toEqual([
			{ id: 'g1', role: 'guard', name: '王保安', heading: 45, stale: false, outside: false, sos: false, glyph: 'G' },
			{ id: 'g2', role: 'guard', name: '王保安', heading: -1, stale: true, outside: true, sos: true, glyph: 'G' },
		]);
		expect(collection.features[1]?.geometry.coordinates).toEqual([121.5, 31.2]);
	});

	it('marks someone whose SOS came before any fix where they pressed it', () => {
		const sos = new Map([['t1', { personId: 't1', name: '钱师傅', point: [121.6, 31.3] as [number, number] }]]);
		const [feature] = peopleFeatures([], sos, glyph).features;
		expect(feature?.geometry.coordinates).toEqual([121.6, 31.3]);
		expect(feature?.properties).toMatchObject({ id: 't1', name: '钱师傅', sos: true });
	});
});

describe('trackFeatures', () => {
	const point = (time: string, lng: number) => ({
		at: at(time),
		lng,
		lat: 31.2,
		accuracyM: 5,
		headingDeg: null,
		speedMps: null,
		batteryPct: null,
	});

	it('draws the track oldest first and on to the live position when that is newer', () => {
		const track = trackFeatures([point('00:40:00', 1), point('00:50:00', 2)], person('g1', { lng: 3 }));
		const line = track.features.find((feature) => feature.properties.kind === 'line');
		expect(line?.geometry.coordinates).toEqual([
			[1, 31.2],
			[2, 31.2],
			[3, 31.2],
		]);
		expect(track.features.find((feature) => feature.properties.kind === 'start')?.geometry.coordinates).toEqual([1, 31.2]);
	});

	it('draws no line for a single fix and nothing without any', () => {
		expect(trackFeatures([point('01:00:00', 1)], person('g1', { at: at('01:00:00') })).features).toHaveLength(1);
		expect(trackFeatures([], undefined).features).toHaveLength(0);
	});
});
