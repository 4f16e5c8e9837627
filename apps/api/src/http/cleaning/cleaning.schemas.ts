import { z } from '@hono/zod-openapi';
import { CleaningCondition, CleaningZoneKind } from '@estate-ops/domain/cleaning';
import { Instant, LocalDate } from '@estate-ops/domain/shared';

export const TaskIdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(200)
		.openapi({
			param: { name: 'id', in: 'path' },
			description: 'The round\'s id from GET /cleaning/today: "zoneId:taskId:dueISO"',
		}),
});

export const ConditionIdParam = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: 'id', in: 'path' } }),
});

export const DateQuery = z.object({
	date: LocalDate.optional().describe("The estate's local date, YYYY-MM-DD; today when absent"),
});

export const MarkDoneBody = z
	.object({
		photoAttachmentId: z
			.uuid()
			.optional()
			.openapi({ description: 'A photo uploaded with POST /cleaning/photos' }),
		note: z.string().trim().max(500).optional(),
		doneAt: Instant.optional().describe('When it was done, for a completion queued offline'),
	})
	.openapi('CleaningDone');

export const ConditionBody = z
	.object({
		kind: CleaningCondition,
		from: LocalDate,
		to: LocalDate,
		zones: z
			.array(z.uuid())
			.min(1)
			.max(500)
			.optional()
			.openapi({ description: 'Only these zones; the whole estate when absent' }),
		note: z.string().trim().max(500).optional(),
	})
	.openapi('CleaningConditionInput');

const TaskState = z.enum(['upcoming', 'due', 'overdue', 'done']);
const ZoneStatus = z.enum(['done', 'due', 'overdue', 'idle']);

export const TaskView = z
	.object({
		id: z.string(),
		taskId: z.string(),
		taskName: z.string(),
		windowStartsAt: Instant,
		dueAt: Instant,
		reason: z.union([z.literal('plan'), CleaningCondition]),
		state: TaskState,
		late: z.boolean(),
		completion: z
			.object({
				id: z.string(),
				doneAt: Instant,
				cleanerId: z.string(),
				photoAttachmentId: z.string().nullable(),
				note: z.string().nullable(),
			})
			.nullable(),
	})
	.openapi('CleaningTask');

export const ZoneView = z
	.object({
		zoneId: z.string(),
		name: z.string(),
		kind: CleaningZoneKind,
		buildingId: z.string().nullable(),
		status: ZoneStatus,
		nextDueAt: Instant.nullable(),
		counts: z.record(TaskState, z.number().int()),
		tasks: z.array(TaskView),
	})
	.openapi('CleaningZoneStatus');

export const ConditionView = z
	.object({
		id: z.string(),
		kind: CleaningCondition,
		from: z.string(),
		to: z.string(),
		zoneIds: z.array(z.string()).nullable(),
		note: z.string().nullable(),
		setBy: z.string(),
		setAt: Instant,
		endedBy: z.string().nullable(),
		endedAt: Instant.nullable(),
		active: z.boolean(),
	})
	.openapi('CleaningCondition');

export const CleaningDaySchema = z
	.object({
		date: z.string(),
		timeZone: z.string(),
		evaluatedAt: Instant,
		conditions: z.array(ConditionView),
		zones: z.array(ZoneView),
	})
	.openapi('CleaningDay');

export const DoneResult = z
	.object({ task: TaskView, zone: ZoneView, duplicate: z.boolean() })
	.openapi('CleaningDoneResult');
