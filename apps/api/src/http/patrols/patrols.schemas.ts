import { z } from '@hono/zod-openapi';
import {
	MAX_FINDINGS_PER_SCAN,
	PatrolFinding,
	PatrolFindingKind,
	PatrolPeriod,
	ScanMethod,
} from '@estate-ops/domain/patrols';
import { Datum } from '@estate-ops/domain/positions';
import { Instant, LocalDate } from '@estate-ops/domain/shared';

const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);
/** WGS-84 `[lng, lat]`, as GeoJSON orders it. */
export const Point = z.tuple([Longitude, Latitude]).openapi({ example: [121.5435, 31.2195] });

export const IdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(200)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const DateQuery = z.object({
	date: LocalDate.optional().describe("The estate's local date, YYYY-MM-DD; today when absent"),
});

const CheckpointBody = z.object({
	id: z
		.uuid()
		.optional()
		.openapi({ description: 'An existing checkpoint of the route, kept with its scans' }),
	name: z.string().trim().min(1).max(100),
	code: z
		.string()
		.trim()
		.min(1)
		.max(200)
		.openapi({ description: 'Printed as a QR on the plate; unique among the estate’s checkpoints' }),
	point: Point,
	zoneId: z.uuid().nullable().optional(),
	radiusMetres: z.number().positive().max(1000).optional(),
	expectedMinute: z.number().int().min(0).optional(),
	toleranceMinutes: z.number().int().min(0).max(240).optional(),
});

export const PatrolRouteBody = z
	.object({
		name: z.string().trim().min(1).max(100),
		checkpoints: z.array(CheckpointBody).min(1).max(200),
		day: PatrolPeriod,
		night: PatrolPeriod.nullable(),
		windowMinutes: z.number().int().positive().max(1440),
		toleranceMinutes: z.number().int().min(0).max(240).optional(),
	})
	.openapi('PatrolRouteInput');

export const PatrolRouteUpdateBody = PatrolRouteBody.extend({
	expectedVersion: z.number().int().min(1).optional(),
}).openapi('PatrolRouteUpdate');

export const ExpectedVersionQuery = z.object({
	expectedVersion: z.coerce.number().int().min(1).optional(),
});

export const RouteListQuery = z.object({
	includeArchived: z
		.enum(['true', 'false'])
		.optional()
		.transform((flag) => flag === 'true'),
});

const CheckpointView = z.object({
	id: z.string(),
	sequence: z.number().int(),
	name: z.string(),
	/** Only for those who may edit routes and print plates: a guard walks to the plate rather than reading the code. */
	code: z.string().optional(),
	point: Point,
	zoneId: z.string().nullable(),
	radiusMetres: z.number(),
	expectedMinute: z.number().int().nullable(),
	toleranceMinutes: z.number().int().nullable(),
});

export const PatrolRouteView = z
	.object({
		id: z.string(),
		name: z.string(),
		version: z.number().int(),
		day: PatrolPeriod,
		night: PatrolPeriod.nullable(),
		windowMinutes: z.number().int(),
		toleranceMinutes: z.number().int(),
		createdAt: Instant,
		updatedAt: Instant,
		archivedAt: Instant.nullable(),
		checkpoints: z.array(CheckpointView),
	})
	.openapi('PatrolRoute');

export const PatrolRouteDetail = PatrolRouteView.extend({
	history: z.array(
		z.object({ version: z.number().int(), type: z.string(), actor: z.unknown(), at: Instant }),
	),
}).openapi('PatrolRouteDetail');

const CheckpointState = z.enum(['visited', 'late', 'missed', 'due', 'upcoming']);
const RoundStatus = z.enum(['scheduled', 'in_progress', 'completed', 'completed_with_issues', 'missed']);

export const RoundViewSchema = z
	.object({
		id: z.string(),
		routeId: z.string(),
		routeName: z.string(),
		localDate: z.string(),
		period: z.enum(['day', 'night']),
		startsAt: Instant,
		windowEndsAt: Instant,
		assigneeId: z.string().nullable(),
		status: RoundStatus,
		completion: z.number(),
		closedAt: Instant.nullable(),
		evaluatedAt: Instant,
		counts: z.record(CheckpointState, z.number().int()),
		checkpoints: z.array(
			z.object({
				checkpointId: z.string(),
				name: z.string(),
				sequence: z.number().int(),
				point: Point,
				zoneId: z.string().nullable(),
				state: CheckpointState,
				dueAt: Instant,
				lateAfter: Instant,
				behind: z.boolean(),
				scannedAt: Instant.nullable(),
				guardId: z.string().nullable(),
				flags: z.array(z.enum(['off_position'])),
			}),
		),
	})
	.openapi('PatrolRound');

const Totals = z.object({
	scheduled: z.number().int(),
	in_progress: z.number().int(),
	completed: z.number().int(),
	completed_with_issues: z.number().int(),
	missed: z.number().int(),
	checkpointsVisited: z.number().int(),
	checkpointsLate: z.number().int(),
	checkpointsMissed: z.number().int(),
});

export const RoundsOfDaySchema = z
	.object({
		date: z.string(),
		timeZone: z.string(),
		evaluatedAt: Instant,
		routes: z.array(
			z.object({
				routeId: z.string(),
				name: z.string(),
				archived: z.boolean(),
				rounds: z.array(RoundViewSchema),
				totals: Totals,
			}),
		),
		current: z.array(RoundViewSchema),
	})
	.openapi('PatrolRoundsOfDay');

const ScanVerdict = z.enum([
	'visit',
	'late_visit',
	'repeat',
	'wrong_code',
	'unknown_checkpoint',
	'before_window',
	'after_window',
]);

export const ScanViewSchema = z
	.object({
		id: z.string(),
		roundId: z.string(),
		routeId: z.string(),
		checkpointId: z.string(),
		guardId: z.string(),
		method: ScanMethod,
		scannedAt: Instant,
		receivedAt: Instant,
		point: Point,
		accuracyM: z.number(),
		reportedDatum: z.string(),
		verdict: ScanVerdict,
		counted: z.boolean(),
		distanceMetres: z.number().nullable(),
		offPosition: z.boolean(),
		note: z.string().nullable(),
		findings: z.array(PatrolFinding),
	})
	.openapi('PatrolScan');

export const RoundDetailSchema = z
	.object({
		round: RoundViewSchema,
		scans: z.array(ScanViewSchema),
		alerts: z.array(z.object({ key: z.string(), type: z.string(), raisedAt: Instant })),
	})
	.openapi('PatrolRoundDetail');

export const ScanBody = z
	.object({
		checkpointCode: z
			.string()
			.trim()
			.min(1)
			.max(200)
			.openapi({ description: 'Read from the plate’s QR, or typed' }),
		scannedAt: Instant.describe("The device's time of the scan (ISO 8601 with offset)"),
		lng: Longitude,
		lat: Latitude,
		accuracyM: z.number().nonnegative().max(100_000),
		datum: Datum.optional().describe('wgs84 (default), gcj02 or bd09; stored as WGS-84'),
		method: ScanMethod.optional().describe('qr (default), typed or nfc'),
		note: z.string().trim().max(1000).optional(),
		findings: z
			.array(
				z.object({
					kind: PatrolFindingKind,
					text: z.string().trim().min(1).max(1000),
					photoAttachmentId: z.uuid().optional(),
				}),
			)
			.max(MAX_FINDINGS_PER_SCAN)
			.optional(),
	})
	.openapi('PatrolScanInput');

export const ScanResultSchema = z
	.object({ scan: ScanViewSchema, round: RoundViewSchema, duplicate: z.boolean() })
	.openapi('PatrolScanResult');

export const PatrolLogSchema = z
	.object({
		date: z.string(),
		timeZone: z.string(),
		entries: z.array(
			ScanViewSchema.extend({ routeName: z.string(), checkpointName: z.string(), guardName: z.string() }),
		),
	})
	.openapi('PatrolLog');
