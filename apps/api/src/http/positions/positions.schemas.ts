import { z } from '@hono/zod-openapi';
import { Datum, FieldRole, MAX_FIXES_PER_REPORT, PositionFixReport } from '@estate-ops/domain/positions';
import { Instant } from '@estate-ops/domain/shared';

/** Position and SOS wire schemas: the field devices' reports and the control room's reads. */

// Built here, after @hono/zod-openapi has extended zod, so that `.openapi()` exists on it.
export const PositionReportBody = z
	.object({ fixes: z.array(PositionFixReport).min(1).max(MAX_FIXES_PER_REPORT) })
	.openapi('PositionReport', {
		description:
			'1 to 100 fixes of the caller, in any order. A fix without `datum` is WGS-84; GCJ-02 and BD-09 are converted to WGS-84 before they are stored or broadcast.',
	});

export const PositionReportAnswer = z
	.object({
		accepted: z.number().int(),
		duplicates: z.number().int().openapi({ description: 'Fixes with a device time already kept' }),
		outOfOrder: z
			.number()
			.int()
			.openapi({ description: 'Fixes older than the latest kept: they would move the person back' }),
		refused: z.array(
			z.object({
				index: z.number().int(),
				path: z.string(),
				code: z.string(),
				message: z.string(),
			}),
		),
	})
	.openapi('PositionReportAnswer');

export const PositionView = z
	.object({
		personId: z.string(),
		displayName: z.string(),
		role: FieldRole,
		lng: z.number(),
		lat: z.number(),
		accuracyM: z.number(),
		headingDeg: z.number().nullable(),
		speedMps: z.number().nullable(),
		batteryPct: z.number().nullable(),
		/** The device's time of the fix. */
		at: Instant,
		receivedAt: Instant,
		stale: z.boolean(),
		outside: z.boolean(),
	})
	.openapi('PositionView');

export const LatestPositions = z
	.object({ at: Instant, positions: z.array(PositionView) })
	.openapi('LatestPositions');

export const PersonIdParam = z.object({
	personId: z.uuid().openapi({ param: { name: 'personId', in: 'path' } }),
});

export const TrackQuery = z.object({
	minutes: z.coerce.number().int().min(1).max(240).default(30),
});

export const TrackView = z
	.object({
		personId: z.string(),
		from: Instant,
		to: Instant,
		points: z.array(
			z.object({
				at: Instant,
				lng: z.number(),
				lat: z.number(),
				accuracyM: z.number(),
				headingDeg: z.number().nullable(),
				speedMps: z.number().nullable(),
				batteryPct: z.number().nullable(),
			}),
		),
	})
	.openapi('PositionTrack');

export const SosBody = z
	.object({
		lng: z.number().min(-180).max(180),
		lat: z.number().min(-90).max(90),
		datum: Datum.optional(),
		note: z.string().trim().max(500).optional(),
	})
	.openapi('SosReport', {
		description: 'An SOS press (一键求助): where the caller is; WGS-84 unless `datum` says otherwise.',
	});
