import { describe, expect, it } from 'vitest';
import { projectEstate } from './map-projection';

// A square estate of 0.01° on a side at the equator, where a degree is as wide as it is tall.
const boundary: [number, number][] = [
	[0, 0],
	[0.01, 0],
	[0.01, 0.01],
	[0, 0.01],
];

describe('projectEstate', () => {
	it('fits the estate into the frame, north up', () => {
		const map = projectEstate(boundary, [], { width: 120, maxHeight: 500, padding: 10 });
		expect(map.height).toBe(120);
		expect(map.boundary).toBe('M10 110 L110 110 L110 10 L10 10 Z');
	});

	it('draws each public place with its name at its centre', () => {
		const map = projectEstate(
			boundary,
			[
				{
					id: 'p-1',
					name: '中心花园',
					polygon: [
						[0, 0],
						[0.005, 0],
						[0.005, 0.005],
						[0, 0.005],
					],
				},
			],
			{ width: 120, maxHeight: 500, padding: 10 },
		);
		expect(map.places).toEqual([
			{
				id: 'p-1',
				name: '中心花园',
				path: 'M10 110 L60 110 L60 60 L10 60 Z',
				label: { x: 35, y: 85 },
				extent: 50,
			},
		]);
	});

	it('narrows longitudes away from the equator, keeping the estate’s shape', () => {
		// At 60° a degree of longitude is half as long as a degree of latitude.
		const square = projectEstate(
			[
				[0, 60],
				[0.02, 60],
				[0.02, 60.01],
				[0, 60.01],
			],
			[],
			{ width: 100, maxHeight: 1000, padding: 0 },
		);
		expect(square.height).toBe(100);
	});

	it('keeps within the height it may take, centring the estate across', () => {
		const tall = projectEstate(
			[
				[0, 0],
				[0.01, 0],
				[0.01, 0.04],
				[0, 0.04],
			],
			[],
			{ width: 200, maxHeight: 100, padding: 0 },
		);
		expect(tall.height).toBe(100);
		expect(tall.boundary).toBe('M87.5 100 L112.5 100 L112.5 0 L87.5 0 Z');
	});

	it('draws nothing without a map', () => {
		expect(projectEstate([], [], { width: 100, maxHeight: 100, padding: 0 })).toEqual({
			width: 100,
			height: 0,
			boundary: null,
			places: [],
		});
	});
});
