import type { FontFacesSpecification } from 'maplibre-gl';
import unicodeRanges from '@fontsource/noto-sans-sc/unicode.json';

/** The face every label on the map is drawn with: Noto Sans SC, served from our own origin. */
export const MAP_FONT = 'Noto Sans SC';

// Vite copies each subset's woff2 into the build and gives its URL; MapLibre loads only the subsets
// whose unicode range a label needs, so Chinese labels cost a few hundred kilobytes, not megabytes.
const files = import.meta.glob<string>(
	'../../../../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-500-normal.woff2',
	{
		query: '?url',
		import: 'default',
		eager: true,
	},
);

const subsetOf = (path: string): string | undefined =>
	/noto-sans-sc-([^-]+)-500-normal\.woff2$/.exec(path)?.[1];

/** The style's `font-faces`: one entry per subset, with the subset's unicode ranges. */
export function mapFontFaces(base: string): FontFacesSpecification {
	const ranges = unicodeRanges as Record<string, string>;
	const faces = Object.entries(files).flatMap(([path, url]) => {
		const subset = subsetOf(path);
		const range = subset === undefined ? undefined : (ranges[`[${subset}]`] ?? ranges[subset]);
		if (range === undefined) return [];
		return [{ url: new URL(url, base).href, 'unicode-range': range.split(',').map((part) => part.trim()) }];
	});
	return { [MAP_FONT]: faces };
}
