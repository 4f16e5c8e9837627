import { isInsideBoundary } from '@estate-ops/domain/estate';
import { haversineMetres } from '@estate-ops/domain/patrols';
import { describe, expect, it } from 'vitest';
import { allGeometries, demoSiteLayout, positionsOf } from './geometry';

describe('the demo site plan', () => {
	const layout = demoSiteLayout();
	const outline = layout.boundary.coordinates[0] ?? [];

	it('is about 500 m by 400 m around its centre in Pudong', () => {
		const lngs = outline.map(([lng]) => lng);
		const lats = outline.map(([, lat]) => lat);
		const width = haversineMetres(
			[Math.min(...lngs), layout.centre[1]],
			[Math.max(...lngs), layout.centre[1]],
		);
		const height = haversineMetres(
			[layout.centre[0], Math.min(...lats)],
			[layout.centre[0], Math.max(...lats)],
		);
		expect(width).toBeGreaterThan(480);
		expect(width).toBeLessThan(520);
		expect(height).toBeGreaterThan(380);
		expect(height).toBeLessThan(420);
		expect(layout.centre).toEqual([121.545, 31.205]);
	});

	it('keeps every position inside the boundary', () => {
		for (const geometry of allGeometries(layout)) {
			for (const position of positionsOf(geometry))
				expect(isInsideBoundary(position, layout.boundary)).toBe(true);
		}
	});

	it('has twelve towers of 18 to 33 floors whose footprints do not overlap', () => {
		expect(layout.towers).toHaveLength(12);
		for (const tower of layout.towers) {
			expect(tower.floors).toBeGreaterThanOrEqual(18);
			expect(tower.floors).toBeLessThanOrEqual(33);
		}
		for (const a of layout.towers) {
			for (const b of layout.towers) {
				if (a === b) continue;
				const corners = a.footprint.coordinates[0] ?? [];
				expect(corners.some((corner) => isInsideBoundary(corner, b.footprint))).toBe(false);
			}
		}
	});

	it('has 12 perimeter and 8 inner checkpoints with unique codes', () => {
		expect(layout.perimeterCheckpoints).toHaveLength(12);
		expect(layout.innerCheckpoints).toHaveLength(8);
		const codes = [...layout.perimeterCheckpoints, ...layout.innerCheckpoints].map((c) => c.code);
		expect(new Set(codes).size).toBe(20);
	});
});
