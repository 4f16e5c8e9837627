import { z } from '@hono/zod-openapi';
import { Actor } from '@estate-ops/domain/estate';
import { Instant } from '@estate-ops/domain/shared';

/** Alert wire schemas (告警): what the control room lists, acknowledges and resolves. */

export const FieldAlertView = z
	.object({
		id: z.string(),
		kind: z.enum(['sos']),
		status: z.enum(['open', 'acknowledged', 'resolved']),
		personId: z.string(),
		personName: z.string(),
		lng: z.number(),
		lat: z.number(),
		note: z.string().nullable(),
		raisedAt: Instant,
		repeats: z.number().int(),
		acknowledgedAt: Instant.nullable(),
		acknowledgedBy: Actor.nullable(),
		resolvedAt: Instant.nullable(),
		resolvedBy: Actor.nullable(),
		resolution: z.string().nullable(),
		version: z.number().int(),
	})
	.openapi('FieldAlert');

export const FieldAlertDetail = FieldAlertView.extend({
	history: z.array(
		z.object({ version: z.number().int(), type: z.string(), at: Instant, actor: z.unknown() }),
	),
}).openapi('FieldAlertDetail');

export const AlertIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const AlertListQuery = z.object({
	open: z
		.enum(['true', 'false'])
		.transform((value) => value === 'true')
		.optional()
		.openapi({ description: 'true: open and acknowledged alerts; false: resolved ones; absent: all' }),
	limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ResolveAlertBody = z
	.object({ resolution: z.string().trim().max(500).optional() })
	.openapi('ResolveAlert', { description: 'What was done; optional.' });
