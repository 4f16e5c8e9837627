import type { FixToSend } from './api/positions-api';

/** Where the phone is, as the browser's geolocation last said: WGS-84, as GPS gives it. */
export type Whereabouts = {
	readonly lng: number;
	readonly lat: number;
	readonly accuracyM: number;
	/** The fix's own time (ms since the epoch), not when it reached the page. */
	readonly at: number;
	readonly headingDeg: number | null;
	readonly speedMps: number | null;
};

/** Why there is no position: the person said no, the phone found none, or the browser cannot tell. */
export type NoPosition = 'denied' | 'unavailable' | 'unsupported';

/** The api's bound on accuracy; phones report huge radii indoors. */
const MAX_ACCURACY_M = 100_000;

/** A browser position as the field view keeps it; heading and speed only when the platform knows them. */
export function whereaboutsOf(position: GeolocationPosition): Whereabouts {
	const { coords } = position;
	const heading = coords.heading;
	const speed = coords.speed;
	return {
		lng: coords.longitude,
		lat: coords.latitude,
		accuracyM: Math.min(Math.max(coords.accuracy, 0), MAX_ACCURACY_M),
		at: position.timestamp,
		headingDeg:
			heading !== null && Number.isFinite(heading) && heading >= 0 && heading <= 360 ? heading : null,
		speedMps: speed !== null && Number.isFinite(speed) && speed >= 0 ? speed : null,
	};
}

/** The fix as it is reported: `deviceTime` from the fix's own timestamp, battery when the browser tells it. */
export function fixOf(where: Whereabouts, batteryPct: number | null): FixToSend {
	return {
		deviceTime: new Date(where.at).toISOString(),
		lng: where.lng,
		lat: where.lat,
		accuracyM: where.accuracyM,
		...(where.headingDeg === null ? {} : { headingDeg: where.headingDeg }),
		...(where.speedMps === null ? {} : { speedMps: where.speedMps }),
		...(batteryPct === null ? {} : { batteryPct: Math.round(Math.min(Math.max(batteryPct, 0), 100)) }),
	};
}

/** Why geolocation failed, in the field view's words (code 1 is PERMISSION_DENIED). */
export const noPositionOf = (error: GeolocationPositionError): NoPosition =>
	error.code === 1 ? 'denied' : 'unavailable';
