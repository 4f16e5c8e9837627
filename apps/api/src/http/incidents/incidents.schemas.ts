import { z } from '@hono/zod-openapi';
import { Incident, IncidentKind, NotifiedParty } from '@estate-ops/domain/patrols';
import { Datum } from '@estate-ops/domain/positions';
import { Instant } from '@estate-ops/domain/shared';

const Note = z.string().trim().min(1).max(2000);

export const IdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const ReportIncidentBody = z
	.object({
		kind: IncidentKind,
		description: Note,
		lng: z.number().min(-180).max(180).optional(),
		lat: z.number().min(-90).max(90).optional(),
		accuracyM: z.number().nonnegative().max(100_000).optional(),
		datum: Datum.optional().describe('wgs84 (default), gcj02 or bd09; stored as WGS-84'),
		place: z
			.string()
			.trim()
			.min(1)
			.max(200)
			.optional()
			.openapi({ description: 'Where, in words: "3栋地下车库B2入口"' }),
		occurredAt: Instant.optional().describe('When it happened, if before the report'),
	})
	.refine((body) => (body.lng === undefined) === (body.lat === undefined), {
		message: 'give both lng and lat, or neither',
		path: ['lat'],
	})
	.refine((body) => body.lng !== undefined || body.place !== undefined, {
		message: 'say where: a position (lng, lat) or a place',
		path: ['place'],
	})
	.openapi('ReportIncident');

/**
 * A step of the incident's work: `respond` (on my way), `completeStep` (tick a checklist item, or mark it not
 * applicable with a note), `recordNotification` (who was told: police 110, fire brigade 119, the manager …),
 * `contain`, `close` (with a summary, once every step is ticked) and `review` (cause, measures, result).
 */
export const IncidentCommandBody = z
	.discriminatedUnion('type', [
		z.object({ type: z.literal('respond') }),
		z.object({
			type: z.literal('completeStep'),
			stepKey: z.string().min(1).max(100),
			outcome: z.enum(['done', 'not_applicable']).default('done'),
			note: Note.optional(),
		}),
		z.object({
			type: z.literal('recordNotification'),
			party: NotifiedParty,
			at: Instant.optional(),
			note: Note.optional(),
		}),
		z.object({ type: z.literal('contain') }),
		z.object({ type: z.literal('close'), summary: Note }),
		z.object({ type: z.literal('review'), cause: Note, measures: Note, result: Note }),
	])
	.and(z.object({ expectedVersion: z.number().int().min(1).optional() }))
	.openapi('IncidentCommand');

export const IncidentRecord = z
	.object({ incident: Incident, version: z.number().int() })
	.openapi('IncidentRecord');

export const IncidentDetail = IncidentRecord.extend({
	history: z.array(
		z.object({
			version: z.number().int(),
			type: z.string(),
			at: Instant,
			actor: z.unknown(),
			event: z.unknown(),
		}),
	),
}).openapi('IncidentDetail');

const csv = <T extends z.ZodType<string, string>>(item: T) =>
	z
		.string()
		.max(500)
		.transform((text) => text.split(',').filter(Boolean))
		.pipe(z.array(item).max(20));

export const IncidentListQuery = z.object({
	status: csv(z.enum(['reported', 'responding', 'contained', 'closed', 'reviewed']))
		.optional()
		.openapi({ description: 'comma-separated statuses', example: 'reported,responding' }),
	kind: csv(IncidentKind).optional(),
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const IncidentPage = z
	.object({ items: z.array(IncidentRecord), nextCursor: z.string().nullable() })
	.openapi('IncidentPage');
