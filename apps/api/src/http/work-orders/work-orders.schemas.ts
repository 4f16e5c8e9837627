import { z } from '@hono/zod-openapi';
import {
	SubmitWorkOrder,
	UrgencyClass,
	WorkOrder,
	WorkOrderKind,
	WorkOrderLifecycleCommand,
	WorkOrderStatus,
} from '@estate-ops/domain/work-orders';
import { Instant } from '@estate-ops/domain/shared';

/** Channels staff file on; the kiosk and resident apps have routes of their own. */
export const StaffChannel = z.enum(['front_desk', 'phone', 'walk_in', 'console', 'field']);

export const CreateWorkOrderBody = SubmitWorkOrder.omit({ type: true, id: true, estateId: true, code: true })
	.extend({ channel: StaffChannel })
	.openapi('CreateWorkOrder');

/** Every lifecycle command but submit, with the version the client last saw (a stale one answers 409). */
export const WorkOrderCommandBody = WorkOrderLifecycleCommand.and(
	z.object({ expectedVersion: z.number().int().min(1).optional() }),
).openapi('WorkOrderCommand');

export const SlaClockView = z.object({
	clock: z.string(),
	state: z.string(),
	startedAt: Instant.nullable(),
	dueAt: Instant.nullable(),
	completedAt: Instant.nullable().optional(),
	usedFraction: z.number().nullable().optional(),
	/** `working` (the estate's working calendar) or `clock` (wall time): what `remainingMs` counts. */
	measure: z.enum(['working', 'clock']).optional(),
	/** Time left in that measure, negative once overdue; null before the clock starts. */
	remainingMs: z.number().nullable().optional(),
});

export const WorkOrderSummary = z
	.object({
		order: WorkOrder,
		nextDueAt: Instant.nullable(),
		slaState: z.string().nullable(),
	})
	.openapi('WorkOrderSummary');

export const WorkOrderDetail = z
	.object({
		order: WorkOrder,
		sla: z.object({
			state: z.string(),
			next: z.object({ clock: z.string(), dueAt: Instant }).nullable(),
			clocks: z.array(SlaClockView),
		}),
		history: z.array(
			z.object({
				version: z.number().int(),
				type: z.string(),
				at: Instant,
				actor: z.unknown(),
				event: z.unknown(),
			}),
		),
	})
	.openapi('WorkOrderDetail');

const csv = <T extends z.ZodType<string, string>>(item: T) =>
	z
		.string()
		.max(500)
		.transform((text) => text.split(',').filter(Boolean))
		.pipe(z.array(item).max(20));

export const WorkOrderListQuery = z.object({
	status: csv(WorkOrderStatus)
		.optional()
		.openapi({ description: 'comma-separated statuses', example: 'submitted,accepted' }),
	urgency: csv(UrgencyClass).optional(),
	kind: csv(WorkOrderKind).optional(),
	buildingId: z.uuid().optional(),
	assigneeId: z.uuid().optional(),
	q: z.string().trim().min(1).max(100).optional().openapi({ description: 'search in code and description' }),
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const WorkOrderPage = z
	.object({ items: z.array(WorkOrderSummary), nextCursor: z.string().nullable() })
	.openapi('WorkOrderPage');

export const IdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const AssigneeSuggestionView = z
	.object({
		staffId: z.string(),
		name: z.string(),
		skillMatch: z.boolean().nullable(),
		areaMatch: z.enum(['assigned_area', 'whole_estate', 'elsewhere']),
		openLoad: z.number().int(),
	})
	.openapi('AssigneeSuggestion');
