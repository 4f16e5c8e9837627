import { DevicePrincipalKind } from '@estate-ops/domain/estate';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database';
import { devices, staff } from '../schema/index';

/** A device principal: a lobby kiosk or a staff member's field phone. Its token's hash never leaves here. */
export type DeviceRecord = {
	readonly id: string;
	readonly estateId: string;
	readonly kind: DevicePrincipalKind;
	readonly name: string;
	readonly staffId: string | null;
	readonly revokedAt: Date | null;
	readonly lastSeenAt: Date | null;
	readonly createdAt: Date;
};

type DeviceRow = typeof devices.$inferSelect;

function toDevice(row: DeviceRow): DeviceRecord | null {
	const kind = DevicePrincipalKind.safeParse(row.kind);
	// A row of a kind this version does not know grants nothing.
	if (!kind.success) return null;
	return {
		id: row.id,
		estateId: row.estateId,
		kind: kind.data,
		name: row.name,
		staffId: row.staffId,
		revokedAt: row.revokedAt,
		lastSeenAt: row.lastSeenAt,
		createdAt: row.createdAt,
	};
}

export async function insertDevice(
	db: Executor,
	device: {
		readonly estateId: string;
		readonly kind: DevicePrincipalKind;
		readonly name: string;
		readonly staffId: string | null;
		readonly tokenHash: string;
		readonly createdAt: Date;
	},
): Promise<DeviceRecord> {
	const rows = await db
		.insert(devices)
		.values({ ...device })
		.returning();
	const created = rows[0] ? toDevice(rows[0]) : null;
	if (!created) throw new Error('inserting a device returned no row');
	return created;
}

/**
 * The unrevoked device holding this token hash. A field device whose staff member is no longer active is
 * refused like a revoked one.
 */
export async function findActiveDeviceByTokenHash(
	db: Executor,
	tokenHash: string,
): Promise<DeviceRecord | null> {
	const rows = await db
		.select({ device: devices, staffActive: staff.active })
		.from(devices)
		.leftJoin(staff, eq(devices.staffId, staff.id))
		.where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt)))
		.limit(1);
	const row = rows[0];
	if (!row) return null;
	if (row.device.staffId !== null && row.staffActive !== true) return null;
	return toDevice(row.device);
}

export async function listDevices(db: Executor, estateId: string): Promise<DeviceRecord[]> {
	const rows = await db
		.select()
		.from(devices)
		.where(eq(devices.estateId, estateId))
		.orderBy(desc(devices.createdAt));
	return rows.flatMap((row) => toDevice(row) ?? []);
}

export async function findDevice(db: Executor, estateId: string, id: string): Promise<DeviceRecord | null> {
	const rows = await db
		.select()
		.from(devices)
		.where(and(eq(devices.id, id), eq(devices.estateId, estateId)))
		.limit(1);
	return rows[0] ? toDevice(rows[0]) : null;
}

/** Revokes a device of the estate (idempotent: an earlier revocation time is kept). */
export async function revokeDevice(
	db: Executor,
	estateId: string,
	id: string,
	at: Date,
): Promise<DeviceRecord | null> {
	await db
		.update(devices)
		.set({ revokedAt: at })
		.where(and(eq(devices.id, id), eq(devices.estateId, estateId), isNull(devices.revokedAt)));
	return findDevice(db, estateId, id);
}

export async function touchDevice(db: Executor, id: string, at: Date): Promise<void> {
	await db.update(devices).set({ lastSeenAt: at }).where(eq(devices.id, id));
}
