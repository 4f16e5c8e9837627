import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database';
import { estates } from './schema/index';

describe('the database', () => {
	it('applies the committed migrations and round-trips a row with a timestamptz in UTC', async () => {
		const handle = await openTestDatabase();
		try {
			const [row] = await handle.db
				.insert(estates)
				.values({
					code: 'T1',
					name: '测试小区',
					centreLng: 121.5,
					centreLat: 31.2,
					boundary: { type: 'Polygon', coordinates: [] },
				})
				.returning();
			expect(row?.timeZone).toBe('Asia/Shanghai');
			expect(row?.createdAt).toBeInstanceOf(Date);
			const tables = await handle.db.execute<{ count: number }>(
				sql`select count(*)::int as count from information_schema.tables where table_schema = 'public'`,
			);
			const count = Array.isArray(tables)
				? tables[0]?.count
				: (tables as unknown as { rows: { count: number }[] }).rows[0]?.count;
			expect(count).toBeGreaterThanOrEqual(20);
		} finally {
			await handle.close();
		}
	});

	it('answers ping', async () => {
		const handle = await openTestDatabase();
		try {
			await expect(handle.ping()).resolves.toBeUndefined();
		} finally {
			await handle.close();
		}
	});
});
