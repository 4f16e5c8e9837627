import { z } from '@hono/zod-openapi';
import { DEFAULT_ESTATE_TIME_ZONE, PolygonGeometry } from '@estate-ops/domain/estate';
import { TimeZone } from '@estate-ops/domain/shared';
import { STANDARD_WORKING_HOURS, WEEKDAY_KEYS, WeeklyHours, WorkingHours } from '@estate-ops/domain/sla';

/** Estate creation wire schemas. */

export const CreateEstateBody = z
	.strictObject({
		name: z.string().trim().min(1).max(100),
		nameEn: z.string().trim().min(1).max(100).optional(),
		code: z.string().regex(/^[A-Z0-9]{2,8}$/, 'expected 2–8 upper-case letters or digits'),
		timeZone: TimeZone.default(DEFAULT_ESTATE_TIME_ZONE),
		country: z
			.string()
			.regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as CN')
			.openapi({
				description: '`CN` (mainland China) gets the national holidays and 调休 days as its calendar preset',
			}),
		address: z.string().trim().max(200).optional(),
		location: z.strictObject({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }),
		boundary: PolygonGeometry.optional().openapi({
			description: 'Defaults to a square of about 440 m around the location',
		}),
		workingHours: WorkingHours.min(1, 'a working day needs hours').default(STANDARD_WORKING_HOURS),
		workingDays: z
			.array(z.enum(WEEKDAY_KEYS))
			.min(1)
			.max(7)
			.refine((days) => new Set(days).size === days.length, 'a weekday is listed twice')
			.default(['mon', 'tue', 'wed', 'thu', 'fri']),
	})
	.openapi('CreateEstate');

export const CreatedEstateView = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		timeZone: z.string(),
		country: z.string(),
		week: WeeklyHours,
		presetDays: z.number().int(),
	})
	.openapi('CreatedEstate');
