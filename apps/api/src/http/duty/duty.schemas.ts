import { z } from '@hono/zod-openapi';
import { DutyRepeat, DutyRole, DutyShiftInput } from '@estate-ops/domain/duty';
import { Department } from '@estate-ops/domain/estate';
import { Instant } from '@estate-ops/domain/shared';

/** Duty roster and notification wire schemas (值班表, 通知). */

export const DutyShiftBody = DutyShiftInput.openapi('DutyShiftInput', {
	description:
		'A shift: who (staff of this estate and of this department), in which role, from `start` to `end` local time ' +
		'(an `end` at or before `start` ends the next day), repeated weekly, on every working day of the calendar, or ' +
		'on one date. Shifts may overlap.',
});

export const DutyShiftView = z
	.object({
		id: z.string(),
		staffId: z.string(),
		department: Department,
		role: DutyRole,
		start: z.string(),
		end: z.string(),
		repeat: DutyRepeat,
		validFrom: z.string().nullable(),
		validUntil: z.string().nullable(),
	})
	.openapi('DutyShift');

export const DutyShiftList = z.object({ items: z.array(DutyShiftView) }).openapi('DutyShiftList');

export const DutyShiftQuery = z.object({
	department: Department.optional(),
	staffId: z.uuid().optional(),
});

export const OnDutyQuery = z.object({
	department: Department.optional(),
	at: Instant.optional().openapi({ type: 'string', format: 'date-time', description: 'Defaults to now.' }),
});

export const OnDutyView = z
	.object({
		at: Instant,
		onDuty: z.array(z.object({ shift: DutyShiftView, until: Instant })),
		next: z.array(z.object({ staffId: z.string(), from: Instant })),
	})
	.openapi('OnDuty');

export const ShiftIdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const NotificationView = z
	.object({
		id: z.string(),
		recipientId: z.string(),
		workOrderId: z.string(),
		alert: z.string().openapi({ example: 'sla.breached' }),
		level: z.number().int(),
		reasons: z.array(z.string()),
		code: z.string().nullable(),
		urgency: z.string().nullable(),
		clock: z.string().nullable(),
		dueAt: z.string().nullable(),
		deliverAt: z.string(),
		deliveredAt: z.string().nullable(),
		readAt: z.string().nullable(),
	})
	.openapi('Notification');

export const NotificationList = z
	.object({ items: z.array(NotificationView), unread: z.number().int() })
	.openapi('NotificationList');

export const NotificationQuery = z.object({
	unread: z
		.enum(['true', 'false'])
		.optional()
		.transform((value) => value === 'true'),
	limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MarkAllReadBody = z
	.strictObject({
		/** Only what was delivered up to this instant: what the person has seen, not what arrived since. */
		upTo: Instant.optional(),
	})
	.openapi('MarkAllRead');

export const NotificationIdParam = ShiftIdParam;
