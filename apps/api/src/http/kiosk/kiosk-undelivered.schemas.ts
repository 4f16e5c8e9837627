import { z } from '@hono/zod-openapi';
import { Instant } from '@estate-ops/domain/shared';

/** Wire schemas of undelivered kiosk filings: the kiosk's report and what staff read. */

/** A refused filing is kept as the kiosk queued it, so only its size is limited. */
export const UNDELIVERED_FILING_MAX_BYTES = 16 * 1024;

const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

export const UndeliveredReportBody = z
	.object({
		idempotencyKey: z
			.string()
			.min(8)
			.max(200)
			.openapi({ description: 'the Idempotency-Key the filing was queued (and refused) with' }),
		filing: z
			.record(z.string(), z.unknown())
			.refine((filing) => jsonBytes(filing) <= UNDELIVERED_FILING_MAX_BYTES, {
				message: `a filing is at most ${UNDELIVERED_FILING_MAX_BYTES / 1024} KB of JSON`,
			})
			.openapi({
				description:
					'the KioskFiling body as queued; any JSON object up to 16 KB (it may be what the api refused). A `phoneLast4` field is dropped, never stored.',
			}),
		problem: z.object({
			status: z.number().int().min(400).max(499),
			title: z.string().trim().min(1).max(200),
			detail: z.string().trim().max(2000).nullable().optional(),
			code: z.string().trim().max(100).nullable().optional(),
		}),
		queuedAt: z.iso.datetime({ offset: true }).openapi({
			description: 'when the resident filed at the kiosk (ISO 8601)',
			example: '2026-03-02T09:15:00+08:00',
		}),
	})
	.openapi('KioskUndeliveredReport');

export const UndeliveredReceipt = z
	.object({ id: z.string(), status: z.enum(['open', 'handled']), receivedAt: Instant })
	.openapi('KioskUndeliveredReceipt');

export const UndeliveredView = z
	.object({
		id: z.string(),
		device: z.object({ id: z.string(), name: z.string() }),
		filing: z.record(z.string(), z.unknown()),
		room: z
			.object({ id: z.string(), building: z.string(), unit: z.string(), number: z.string() })
			.nullable()
			.openapi({
				description: 'the room the filing named, if it is a room of this estate (its building by name)',
			}),
		problem: z.object({
			status: z.number().int(),
			title: z.string(),
			detail: z.string().nullable(),
			code: z.string().nullable(),
		}),
		queuedAt: Instant,
		receivedAt: Instant,
		status: z.enum(['open', 'handled']),
		handled: z
			.object({ by: z.object({ id: z.string(), name: z.string() }), at: Instant, note: z.string() })
			.nullable(),
	})
	.openapi('KioskUndelivered');

export const UndeliveredList = z
	.object({ items: z.array(UndeliveredView), openCount: z.number().int() })
	.openapi('KioskUndeliveredList');

export const UndeliveredIdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const HandleBody = z
	.object({
		note: z.string().trim().min(1, 'say what was done (filed at the desk, called the resident …)').max(1000),
	})
	.openapi('KioskUndeliveredHandle');
