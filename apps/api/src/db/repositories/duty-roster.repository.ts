import { DutyShift, type DutyShiftInput } from '@estate-ops/domain/duty';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { dutyShifts } from '../schema/index';

type ShiftRow = typeof dutyShifts.$inferSelect;

/** A shift as the domain reads it; a row the domain no longer accepts (hand-edited data) is left out of the roster. */
function toDutyShift(row: ShiftRow): DutyShift | null {
	const parsed = DutyShift.safeParse({
		id: row.id,
		staffId: row.staffId,
		department: row.department,
		role: row.role,
		start: row.startTime,
		end: row.endTime,
		repeat: row.repeat,
		validFrom: row.validFrom,
		validUntil: row.validUntil,
	});
	return parsed.success ? parsed.data : null;
}

const columnsOf = (shift: DutyShiftInput) => ({
	staffId: shift.staffId,
	department: shift.department,
	role: shift.role,
	startTime: shift.start,
	endTime: shift.end,
	repeat: shift.repeat,
	validFrom: shift.validFrom,
	validUntil: shift.validUntil,
});

/** The estate's roster, by department and start time. */
export async function listDutyShifts(
	db: Executor,
	estateId: string,
	filter: { readonly department?: string; readonly staffId?: string } = {},
): Promise<DutyShift[]> {
	const rows = await db
		.select()
		.from(dutyShifts)
		.where(
			and(
				eq(dutyShifts.estateId, estateId),
				filter.department === undefined ? undefined : eq(dutyShifts.department, filter.department),
				filter.staffId === undefined ? undefined : eq(dutyShifts.staffId, filter.staffId),
			),
		)
		.orderBy(asc(dutyShifts.department), asc(dutyShifts.startTime), asc(dutyShifts.createdAt));
	return rows.map(toDutyShift).filter((shift): shift is DutyShift => shift !== null);
}

export async function findDutyShift(db: Executor, estateId: string, id: string): Promise<DutyShift | null> {
	const [row] = await db
		.select()
		.from(dutyShifts)
		.where(and(eq(dutyShifts.estateId, estateId), eq(dutyShifts.id, id)));
	return row ? toDutyShift(row) : null;
}

export async function insertDutyShift(
	db: Executor,
	estateId: string,
	shift: DutyShiftInput,
	at: Date,
): Promise<DutyShift> {
	const [row] = await db
		.insert(dutyShifts)
		.values({ estateId, ...columnsOf(shift), createdAt: at, updatedAt: at })
		.returning();
	const created = row ? toDutyShift(row) : null;
	if (!created) throw new Error('the inserted shift does not read back');
	return created;
}

export async function updateDutyShift(
	db: Executor,
	estateId: string,
	id: string,
	shift: DutyShiftInput,
	at: Date,
): Promise<DutyShift | null> {
	const [row] = await db
		.update(dutyShifts)
		.set({ ...columnsOf(shift), updatedAt: at })
		.where(and(eq(dutyShifts.estateId, estateId), eq(dutyShifts.id, id)))
		.returning();
	return row ? toDutyShift(row) : null;
}

export async function deleteDutyShift(db: Executor, estateId: string, id: string): Promise<DutyShift | null> {
	const [row] = await db
		.delete(dutyShifts)
		.where(and(eq(dutyShifts.estateId, estateId), eq(dutyShifts.id, id)))
		.returning();
	return row ? toDutyShift(row) : null;
}
