import { Department, Skill, StaffRole } from '@estate-ops/domain/estate';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { buildings, estates, staff } from '../schema/index';

/** A staff account as the api sees it: never the password hash (see `StaffCredentials`). */
export type StaffAccount = {
	readonly id: string;
	readonly estateId: string;
	readonly username: string;
	readonly displayName: string;
	readonly department: Department | null;
	readonly roles: readonly StaffRole[];
	readonly skills: readonly Skill[];
	readonly buildingIds: readonly string[];
	readonly mustChangePassword: boolean;
	readonly active: boolean;
	readonly failedLogins: number;
	readonly lockedUntil: Date | null;
	readonly passwordChangedAt: Date | null;
	readonly createdAt: Date;
};

/** An account with its argon2id hash: only what signs in and changes passwords reads this. */
export type StaffCredentials = StaffAccount & { readonly passwordHash: string };

export type EstateSummary = { readonly id: string; readonly code: string; readonly name: string };

export type NewStaffAccount = {
	readonly estateId: string;
	readonly username: string;
	readonly displayName: string;
	readonly department: Department;
	readonly roles: readonly StaffRole[];
	readonly skills: readonly Skill[];
	readonly buildingIds: readonly string[];
	readonly passwordHash: string;
	readonly mustChangePassword: boolean;
	readonly createdAt: Date;
};

type StaffRow = typeof staff.$inferSelect;

// Values the domain no longer knows (a role renamed since the row was written) are dropped, not passed on.
const known = <T>(
	schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
	values: readonly string[],
) =>
	values.flatMap((value) => {
		const parsed = schema.safeParse(value);
		return parsed.success ? [parsed.data] : [];
	});

export function toStaffAccount(row: StaffRow): StaffAccount {
	const department = Department.safeParse(row.department);
	return {
		id: row.id,
		estateId: row.estateId,
		username: row.username,
		displayName: row.displayName,
		department: department.success ? department.data : null,
		roles: known(StaffRole, row.roles),
		skills: known(Skill, row.skills),
		buildingIds: row.buildingIds,
		mustChangePassword: row.mustChangePassword,
		active: row.active,
		failedLogins: row.failedLogins,
		lockedUntil: row.lockedUntil,
		passwordChangedAt: row.passwordChangedAt,
		createdAt: row.createdAt,
	};
}

const toCredentials = (row: StaffRow): StaffCredentials => ({
	...toStaffAccount(row),
	passwordHash: row.passwordHash,
});

/** Usernames are compared case-insensitively, so `Zhang.Wei` and `zhang.wei` are one account. */
export async function findStaffCredentialsByUsername(
	db: Executor,
	username: string,
): Promise<StaffCredentials | null> {
	const rows = await db
		.select()
		.from(staff)
		.where(sql`lower(${staff.username}) = lower(${username})`)
		.limit(1);
	return rows[0] ? toCredentials(rows[0]) : null;
}

export async function findStaffCredentialsById(db: Executor, id: string): Promise<StaffCredentials | null> {
	const rows = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
	return rows[0] ? toCredentials(rows[0]) : null;
}

export async function findStaffInEstate(
	db: Executor,
	estateId: string,
	id: string,
): Promise<StaffAccount | null> {
	const rows = await db
		.select()
		.from(staff)
		.where(and(eq(staff.id, id), eq(staff.estateId, estateId)))
		.limit(1);
	return rows[0] ? toStaffAccount(rows[0]) : null;
}

export async function isUsernameTaken(db: Executor, username: string): Promise<boolean> {
	const rows = await db
		.select({ id: staff.id })
		.from(staff)
		.where(sql`lower(${staff.username}) = lower(${username})`)
		.limit(1);
	return rows.length > 0;
}

/** Inserts an account; `null` when the username is already taken (a concurrent create lost the race). */
export async function insertStaff(db: Executor, account: NewStaffAccount): Promise<StaffAccount | null> {
	const rows = await db
		.insert(staff)
		.values({
			estateId: account.estateId,
			username: account.username,
			displayName: account.displayName,
			department: account.department,
			roles: [...account.roles],
			skills: [...account.skills],
			buildingIds: [...account.buildingIds],
			passwordHash: account.passwordHash,
			mustChangePassword: account.mustChangePassword,
			createdAt: account.createdAt,
		})
		.onConflictDoNothing({ target: staff.username })
		.returning();
	return rows[0] ? toStaffAccount(rows[0]) : null;
}

/**
 * Counts one more failed sign-in, atomically so that concurrent guesses cannot slip past the limit. The
 * failure that reaches `maxFailures` locks the account until `lockedUntil` and starts the count again.
 */
export async function recordFailedLogin(
	db: Executor,
	id: string,
	policy: { readonly maxFailures: number; readonly lockedUntil: Date },
): Promise<{ readonly failedLogins: number; readonly lockedUntil: Date | null }> {
	const reachesLimit = sql`${staff.failedLogins} + 1 >= ${policy.maxFailures}`;
	const rows = await db
		.update(staff)
		.set({
			failedLogins: sql`case when ${reachesLimit} then 0 else ${staff.failedLogins} + 1 end`,
			lockedUntil: sql`case when ${reachesLimit} then ${policy.lockedUntil.toISOString()}::timestamptz else ${staff.lockedUntil} end`,
		})
		.where(eq(staff.id, id))
		.returning({ failedLogins: staff.failedLogins, lockedUntil: staff.lockedUntil });
	return rows[0] ?? { failedLogins: 0, lockedUntil: null };
}

export async function clearFailedLogins(db: Executor, id: string): Promise<void> {
	await db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id));
}

export async function updatePassword(
	db: Executor,
	id: string,
	change: { readonly passwordHash: string; readonly mustChangePassword: boolean; readonly at: Date },
): Promise<void> {
	await db
		.update(staff)
		.set({
			passwordHash: change.passwordHash,
			mustChangePassword: change.mustChangePassword,
			passwordChangedAt: change.at,
			failedLogins: 0,
			lockedUntil: null,
		})
		.where(eq(staff.id, id));
}

export async function findEstateSummary(db: Executor, estateId: string): Promise<EstateSummary | null> {
	const rows = await db
		.select({ id: estates.id, code: estates.code, name: estates.name })
		.from(estates)
		.where(eq(estates.id, estateId))
		.limit(1);
	return rows[0] ?? null;
}

/** How many of `buildingIds` are buildings of the estate: a staff member may only cover their own estate's. */
export async function countBuildingsInEstate(
	db: Executor,
	estateId: string,
	buildingIds: readonly string[],
): Promise<number> {
	if (buildingIds.length === 0) return 0;
	const rows = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(buildings)
		.where(and(eq(buildings.estateId, estateId), inArray(buildings.id, [...buildingIds])));
	return rows[0]?.count ?? 0;
}
