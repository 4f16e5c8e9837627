import { z } from '@hono/zod-openapi';
import { Instant } from '@estate-ops/domain/shared';
import {
	SatisfactionRating,
	SubmitWorkOrder,
	UrgencyClass,
	WorkOrderStatus,
} from '@estate-ops/domain/work-orders';

/** Kiosk wire schemas: nothing here carries a name, a phone number or another household's data. */

// Dates leave as ISO 8601 strings (JSON.stringify of a Date).
const DateTime = Instant;

export const PhoneLast4 = z
	.string()
	.regex(/^\d{4}$/, 'enter the last 4 digits of the phone number registered for the household')
	.openapi({ example: '5678' });

export const KioskNoticeQuery = z.object({
	building: z
		.uuid()
		.optional()
		.openapi({ description: 'only notices for the whole estate or for this building' }),
});

export const RoomPickerQuery = z
	.object({ building: z.uuid().optional(), unit: z.uuid().optional() })
	.refine((query) => query.unit === undefined || query.building !== undefined, {
		message: 'pick the building before the unit',
		path: ['unit'],
	});

export const RoomPicker = z
	.discriminatedUnion('level', [
		z.object({
			level: z.literal('buildings'),
			items: z.array(z.object({ id: z.string(), number: z.string() })),
		}),
		z.object({ level: z.literal('units'), items: z.array(z.object({ id: z.string(), number: z.string() })) }),
		z.object({
			level: z.literal('rooms'),
			items: z.array(z.object({ id: z.string(), number: z.string(), floor: z.number().int() })),
		}),
	])
	.openapi('KioskRoomPicker');

export const VerifyBody = z.object({ roomId: z.uuid(), phoneLast4: PhoneLast4 }).openapi('KioskVerify');

export const KioskFilingBody = SubmitWorkOrder.pick({
	kind: true,
	category: true,
	description: true,
	desiredWindow: true,
	areaM2: true,
})
	.extend({
		roomId: z.uuid().openapi({ description: "the household's room: it vouches for the request" }),
		phoneLast4: PhoneLast4,
		publicPlaceId: z.uuid().optional().openapi({
			description:
				'where the problem is when it is not in the home: a public place from GET /api/v1/kiosk/estate (the order is placed at its centre)',
		}),
		attachments: z
			.array(z.uuid())
			.max(20)
			.optional()
			.openapi({ description: 'ids from POST /api/v1/kiosk/photos' }),
		// Checked by the service, so that a malformed token gets a 422 naming it like the other filing errors.
		publicToken: z.string().max(200).optional().openapi({
			description:
				'the status-link token, chosen by the kiosk so an offline receipt can show its QR code: exactly 26 characters of lower-case base32 (`^[a-z2-7]{26}$`, 130 bits). Omit it and the api generates one. A token another request has is refused with 409.',
			example: 'k7m2q4w6e3r5t7y2u4i6o3p5a7',
		}),
	})
	.openapi('KioskFiling');

export const KioskReceiptView = z
	.object({
		code: z.string(),
		publicToken: z.string(),
		statusUrl: z.string(),
		urgency: UrgencyClass,
		emergency: z.boolean(),
	})
	.openapi('KioskReceipt');

export const LookupBody = z
	.object({ code: z.string().trim().min(1).max(20), phoneLast4: PhoneLast4 })
	.openapi('KioskLookup');

export const CodeParam = z.object({
	code: z
		.string()
		.min(1)
		.max(20)
		.openapi({ param: { name: 'code', in: 'path' } }),
});

export const FeedbackBody = z
	.object({
		phoneLast4: PhoneLast4,
		ratings: z.object({
			speed: SatisfactionRating,
			result: SatisfactionRating,
			attitude: SatisfactionRating,
		}),
		comment: z.string().trim().max(1000).nullable().optional(),
		satisfied: z.boolean(),
	})
	.openapi('KioskFeedback');

export const ReopenBody = z
	.object({ phoneLast4: PhoneLast4, reason: z.string().trim().min(1).max(1000) })
	.openapi('KioskReopen');

export const ProgressStepSchema = z.enum([
	'accept',
	'assign',
	'contact',
	'arrive',
	'resolve',
	'feedback',
	'close',
]);

/** A request's progress with no personal data (also the public status page's body). */
export const PublicProgressView = z
	.object({
		code: z.string(),
		kind: z.string(),
		category: z.string(),
		urgency: UrgencyClass,
		status: WorkOrderStatus,
		paused: z.boolean(),
		reopenCount: z.number().int(),
		steps: z.object({
			submittedAt: DateTime,
			acceptedAt: DateTime.nullable(),
			assignedAt: DateTime.nullable(),
			contactedAt: DateTime.nullable(),
			arrivedAt: DateTime.nullable(),
			resolvedAt: DateTime.nullable(),
			feedbackAt: DateTime.nullable(),
			closedAt: DateTime.nullable(),
			cancelledAt: DateTime.nullable(),
		}),
		next: z.object({ step: ProgressStepSchema, dueBy: DateTime.nullable() }).nullable(),
	})
	.openapi('PublicProgress');

export const KioskProgressView = PublicProgressView.extend({
	technician: z.object({ name: z.string() }).nullable(),
	expectedBy: DateTime.nullable(),
	canRate: z.boolean(),
	canReopen: z.boolean(),
}).openapi('KioskProgress');

/** The estate as a kiosk draws it: outlines are `[lng, lat]` rings, closed. */
export const KioskEstate = z
	.object({
		name: z.string(),
		code: z.string(),
		timeZone: z.string(),
		emergencyPhone: z.string().nullable(),
		buildings: z.array(z.object({ id: z.string(), number: z.string(), name: z.string() })),
		publicPlaces: z.array(
			z.object({
				id: z.string(),
				name: z.string(),
				kind: z.string(),
				polygon: z.array(z.tuple([z.number(), z.number()])),
			}),
		),
		boundary: z.array(z.tuple([z.number(), z.number()])),
	})
	.openapi('KioskEstate');
