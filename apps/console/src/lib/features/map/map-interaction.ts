/** Something on the map that was clicked (or picked in a list), other than an order. */
export type MapPick = { readonly kind: 'person' | 'checkpoint' | 'zone'; readonly id: string };

/** Where the map should fly: a new `key` flies again to the same place. */
export type MapFocus = { readonly point: [number, number]; readonly zoom?: number; readonly key: number };

/** What the map shows, as attributes a test (or a wall's monitoring) can read without looking at the canvas. */
export type MapCounts = {
	readonly people: number;
	readonly guards: number;
	readonly stale: number;
	readonly outside: number;
	readonly sos: number;
};

export const noCounts: MapCounts = { people: 0, guards: 0, stale: 0, outside: 0, sos: 0 };
