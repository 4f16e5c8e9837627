import type { Datum } from '@estate-ops/domain/positions';
import gcoord from 'gcoord';

const SOURCE_CRS = {
	gcj02: gcoord.GCJ02,
	bd09: gcoord.BD09,
} as const;

/**
 * A reported point in WGS-84 (SPEC.md: "coordinates that are right in China"). Phones using Chinese map SDKs
 * report GCJ-02 (高德, 腾讯) or BD-09 (百度), offset by up to ~500 m; everything stored and broadcast is WGS-84.
 * `gcoord` inverts GCJ-02 iteratively, to well under a metre; outside mainland China the offsets are not
 * applied, so a GCJ-02 label on a point abroad changes nothing.
 */
export function toWgs84(point: readonly [lng: number, lat: number], datum: Datum): [number, number] {
	if (datum === 'wgs84') return [point[0], point[1]];
	const [lng, lat] = gcoord.transform([point[0], point[1]], SOURCE_CRS[datum], gcoord.WGS84);
	return [lng, lat];
}
