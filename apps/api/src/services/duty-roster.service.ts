import {
	dutyPeriodsBetween,
	nextDutyStart,
	type DutyShift,
	type DutyShiftInput,
} from '@estate-ops/domain/duty';
import { err, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import type { Database, Executor } from '../db/database';
import { appendAudit, type AuditActor } from '../db/repositories/audit.repository';
import {
	deleteDutyShift,
	findDutyShift,
	insertDutyShift,
	listDutyShifts,
	updateDutyShift,
} from '../db/repositories/duty-roster.repository';
import { isUuid, listActiveStaff } from '../db/repositories/site.repository';
import { loadSlaContext } from '../db/repositories/sla-settings.repository';
import type { OutboxEvent } from './work-order.service';

export type DutyRosterServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly appendEvents: (tx: Executor, events: readonly OutboxEvent[]) => Promise<unknown>;
};

/** Who is on duty in a department at an instant, and when each person of its roster is next on. */
export type DutyNow = {
	readonly at: Date;
	readonly onDuty: { readonly shift: DutyShift; readonly until: Date }[];
	readonly next: { readonly staffId: string; readonly from: Date }[];
};

const notFound = (): Result<never, DomainError> =>
	err('DUTY.SHIFT_NOT_FOUND', 'No such shift in this estate.');

/**
 * The duty roster (值班表) of an estate: administrators and managers keep it; the SLA watch reads it to decide
 * who hears of an alert and when. Every change is audited (who, what, when) and announced on the outbox so that
 * open rosters refresh. Shifts may overlap (see the domain's `DutyShift`); a shift must belong to an active member
 * of the estate's staff and to that member's own department.
 */
export function createDutyRosterService(deps: DutyRosterServiceDeps) {
	const { db, now } = deps;

	async function checkStaff(
		estateId: string,
		shift: DutyShiftInput,
	): Promise<Result<DutyShiftInput, DomainError>> {
		const staff = isUuid(shift.staffId) ? await listActiveStaff(db, estateId) : [];
		const member = staff.find((candidate) => candidate.id === shift.staffId);
		if (!member) {
			return err('DUTY.STAFF_NOT_FOUND', 'No active staff member with this id in this estate.', {
				path: ['staffId'],
			});
		}
		if (member.department !== shift.department) {
			return err(
				'DUTY.STAFF_NOT_IN_DEPARTMENT',
				`This staff member belongs to ${member.department}, not ${shift.department}.`,
				{ path: ['department'], details: { staffDepartment: member.department } },
			);
		}
		return ok(shift);
	}

	async function record(
		tx: Executor,
		input: {
			estateId: string;
			actor: AuditActor;
			action: string;
			shift: DutyShift;
			at: Date;
			requestId: string | null;
		},
	): Promise<void> {
		await appendAudit(tx, {
			estateId: input.estateId,
			actor: input.actor,
			action: input.action,
			subjectType: 'dutyShift',
			subjectId: input.shift.id,
			details: { shift: input.shift },
			requestId: input.requestId,
			at: input.at,
		});
		await deps.appendEvents(tx, [
			{
				estateId: input.estateId,
				type: input.action,
				aggregateType: 'dutyShift',
				aggregateId: input.shift.id,
				payload: { shift: input.shift },
				at: input.at,
			},
		]);
	}

	return {
		list: (estateId: string, filter: { department?: string; staffId?: string } = {}) =>
			listDutyShifts(db, estateId, filter),

		async create(
			estateId: string,
			actor: AuditActor,
			input: DutyShiftInput,
			requestId: string | null,
		): Promise<Result<DutyShift, DomainError>> {
			const checked = await checkStaff(estateId, input);
			if (!checked.ok) return checked;
			const at = now();
			const created = await db.transaction(async (tx) => {
				const shift = await insertDutyShift(tx, estateId, checked.value, at);
				await record(tx, { estateId, actor, action: 'duty.shiftCreated', shift, at, requestId });
				return shift;
			});
			return ok(created);
		},

		async replace(
			estateId: string,
			id: string,
			actor: AuditActor,
			input: DutyShiftInput,
			requestId: string | null,
		): Promise<Result<DutyShift, DomainError>> {
			if (!isUuid(id) || !(await findDutyShift(db, estateId, id))) return notFound();
			const checked = await checkStaff(estateId, input);
			if (!checked.ok) return checked;
			const at = now();
			const updated = await db.transaction(async (tx) => {
				const shift = await updateDutyShift(tx, estateId, id, checked.value, at);
				if (shift) await record(tx, { estateId, actor, action: 'duty.shiftUpdated', shift, at, requestId });
				return shift;
			});
			return updated ? ok(updated) : notFound();
		},

		async remove(
			estateId: string,
			id: string,
			actor: AuditActor,
			requestId: string | null,
		): Promise<Result<DutyShift, DomainError>> {
			if (!isUuid(id)) return notFound();
			const at = now();
			const removed = await db.transaction(async (tx) => {
				const shift = await deleteDutyShift(tx, estateId, id);
				if (shift) await record(tx, { estateId, actor, action: 'duty.shiftDeleted', shift, at, requestId });
				return shift;
			});
			return removed ? ok(removed) : notFound();
		},

		/** Who is on duty now (or at `at`), by the roster and the estate's calendar. */
		async onDuty(estateId: string, filter: { department?: string }, at: Date = now()): Promise<DutyNow> {
			const context = await loadSlaContext(db, estateId);
			const shifts = await listDutyShifts(db, estateId, filter);
			if (!context) return { at, onDuty: [], next: [] };
			const onDuty = dutyPeriodsBetween(shifts, context.calendar, at, new Date(at.getTime() + 1)).map(
				(period) => ({ shift: period.shift, until: period.end }),
			);
			const people = [...new Set(shifts.map((shift) => shift.staffId))];
			const next = people
				.map((staffId) => ({
					staffId,
					from: nextDutyStart(
						shifts.filter((shift) => shift.staffId === staffId),
						context.calendar,
						at,
					),
				}))
				.filter((entry): entry is { staffId: typeof entry.staffId; from: Date } => entry.from !== null)
				.sort((a, b) => a.from.getTime() - b.from.getTime());
			return { at, onDuty, next };
		},
	};
}

export type DutyRosterService = ReturnType<typeof createDutyRosterService>;
