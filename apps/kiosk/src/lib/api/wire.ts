import {
	arrayOf,
	boolean,
	instant,
	nullable,
	number,
	object,
	oneOf,
	string,
	Unreadable,
	withDefault,
} from './read';
import type { Reader } from './read';

/**
 * What the kiosk reads from and sends to `/api/v1/kiosk` (apps/api/src/http/kiosk/kiosk.schemas.ts).
 * Nothing here carries a name, a phone number or another household's data.
 */

/** A notice (公告) as a kiosk shows it. */
export const KioskNotice = object({
	id: string,
	title: string,
	body: string,
	pinned: boolean,
	publishAt: instant,
	expireAt: nullable(instant),
});
export type KioskNotice = ReturnType<typeof KioskNotice>;
export const KioskNotices = object({ notices: arrayOf(KioskNotice) });

/** A longitude and latitude pair (GeoJSON order). */
export type LngLat = readonly [number, number];
const lngLat: Reader<LngLat> = (value, path) => {
	const pair = arrayOf(number)(value, path);
	if (pair.length < 2) throw new Unreadable(`${path}: expected [lng, lat]`);
	return [pair[0] as number, pair[1] as number];
};
const ring = arrayOf(lngLat);

/** The estate as the kiosk needs it: its name, clock, emergency line, and the map of its public places. */
export const KioskEstate = object({
	name: string,
	code: string,
	timeZone: string,
	emergencyPhone: nullable(string),
	buildings: arrayOf(object({ id: string, number: string, name: nullable(string) })),
	publicPlaces: withDefault(arrayOf(object({ id: string, name: string, kind: string, polygon: ring })), []),
	boundary: withDefault(ring, []),
});
export type KioskEstate = ReturnType<typeof KioskEstate>;

/** One level of the address pickers: buildings, then a building's units, then a unit's rooms. */
export const RoomPicker = object({
	level: oneOf(['buildings', 'units', 'rooms']),
	items: arrayOf(object({ id: string, number: string, floor: withDefault(nullable(number), null) })),
});
export type RoomPicker = ReturnType<typeof RoomPicker>;

export const Verification = object({ verified: boolean });

export const UploadedPhoto = object({ id: string });

export const UrgencyClass = oneOf(['urgent', 'important', 'general']);

/** What the resident takes away: the follow-up code and the status link (no personal data). */
export const KioskReceipt = object({
	code: string,
	publicToken: string,
	statusUrl: string,
	urgency: UrgencyClass,
	emergency: boolean,
});
export type KioskReceipt = ReturnType<typeof KioskReceipt>;

export const WorkOrderStatus = oneOf([
	'submitted',
	'accepted',
	'assigned',
	'on_site',
	'resolved',
	'feedback',
	'closed',
	'cancelled',
]);
export type WorkOrderStatus = ReturnType<typeof WorkOrderStatus>;

export const ProgressStep = oneOf(['accept', 'assign', 'contact', 'arrive', 'resolve', 'feedback', 'close']);
export type ProgressStep = ReturnType<typeof ProgressStep>;

const when = nullable(instant);

/** A request's progress for the household that identified itself at the kiosk. */
export const KioskProgress = object({
	code: string,
	kind: string,
	category: string,
	urgency: UrgencyClass,
	status: WorkOrderStatus,
	paused: boolean,
	reopenCount: number,
	steps: object({
		submittedAt: instant,
		acceptedAt: when,
		assignedAt: when,
		contactedAt: when,
		arrivedAt: when,
		resolvedAt: when,
		feedbackAt: when,
		closedAt: when,
		cancelledAt: when,
	}),
	next: nullable(object({ step: ProgressStep, dueBy: when })),
	technician: nullable(object({ name: string })),
	expectedBy: when,
	canRate: boolean,
	canReopen: boolean,
});
export type KioskProgress = ReturnType<typeof KioskProgress>;

/** A filing as the api takes it (`KioskFiling`), with the client-chosen status token. */
export type KioskFiling = {
	readonly kind: 'repair' | 'complaint' | 'suggestion' | 'booking';
	readonly category: string;
	readonly description: string;
	/** The household's room: its phone's last 4 digits vouch for the request, wherever the problem is. */
	readonly roomId: string;
	readonly phoneLast4: string;
	/** Where the problem is when it is a public place of the estate, not the home. */
	readonly publicPlaceId?: string;
	readonly desiredWindow?: { readonly from: string; readonly to: string } | null;
	readonly areaM2?: number | null;
	readonly attachments?: readonly string[];
	/** 26 lower-case base32 characters chosen by the kiosk, so an offline receipt can show its QR code. */
	readonly publicToken?: string;
};

export type Ratings = { readonly speed: number; readonly result: number; readonly attitude: number };
