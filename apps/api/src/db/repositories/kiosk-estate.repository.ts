import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, estates, mapFeatures } from '../schema/index';

/** What a lobby kiosk may know of its estate: names and shapes, nothing about people. */
export type KioskEstateRecord = {
	readonly name: string;
	readonly code: string;
	readonly timeZone: string;
	readonly settings: Readonly<Record<string, unknown>>;
	/** GeoJSON as stored (validated by the domain's schemas when it was written). */
	readonly boundary: unknown;
	readonly buildings: readonly { readonly id: string; readonly number: string; readonly name: string }[];
	readonly places: readonly {
		readonly id: string;
		readonly name: string;
		readonly kind: string;
		readonly geometry: unknown;
	}[];
};

/** The estate's own row, its buildings and the named map features of these kinds; null if no such estate. */
export async function findKioskEstate(
	db: Executor,
	estateId: string,
	placeKinds: readonly string[],
): Promise<KioskEstateRecord | null> {
	const [estate] = await db.select().from(estates).where(eq(estates.id, estateId)).limit(1);
	if (!estate) return null;
	const [buildingRows, featureRows] = await Promise.all([
		db
			.select({ id: buildings.id, number: buildings.number, name: buildings.name })
			.from(buildings)
			.where(eq(buildings.estateId, estateId)),
		placeKinds.length === 0
			? Promise.resolve([])
			: db
					.select({
						id: mapFeatures.id,
						name: mapFeatures.name,
						kind: mapFeatures.kind,
						geometry: mapFeatures.geometry,
					})
					.from(mapFeatures)
					.where(and(eq(mapFeatures.estateId, estateId), inArray(mapFeatures.kind, [...placeKinds]))),
	]);
	return {
		name: estate.name,
		code: estate.code,
		timeZone: estate.timeZone,
		settings: estate.settings,
		boundary: estate.boundary,
		buildings: buildingRows,
		places: featureRows.flatMap((row) =>
			row.name === null || row.name.trim() === ''
				? []
				: [{ id: row.id, name: row.name, kind: row.kind, geometry: row.geometry }],
		),
	};
}
