import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEstate, openTestDatabase } from '../../http/auth/auth.fixtures';
import type { DatabaseHandle } from '../database';
import { SENSITIVE_READ_ACTION, appendAudit, listAudit, recordSensitiveRead } from './audit.repository';

let database: DatabaseHandle;
let estateId: string;

beforeAll(async () => {
	database = await openTestDatabase();
	estateId = await createEstate(database.db);
});

afterAll(async () => {
	await database.close();
});

describe('audit repository', () => {
	it('records an unmasked read with who, what, which fields, when and from where', async () => {
		const at = new Date('2026-03-02T02:03:04.000Z');
		await recordSensitiveRead(database.db, {
			estateId,
			actor: { type: 'staff', id: 'staff-1' },
			subjectType: 'resident',
			subjectId: 'resident-9',
			fields: ['phone'],
			reason: 'call-back',
			ip: '203.0.113.7',
			requestId: 'req-1',
			at,
		});
		const [entry] = await listAudit(database.db, {
			estateId,
			subjectType: 'resident',
			subjectId: 'resident-9',
		});
		expect(entry).toMatchObject({
			action: SENSITIVE_READ_ACTION,
			actor: { type: 'staff', id: 'staff-1' },
			details: { fields: ['phone'], reason: 'call-back' },
			ip: '203.0.113.7',
			requestId: 'req-1',
			at,
		});
	});

	it('lists newest first, scoped to the estate', async () => {
		const other = await createEstate(database.db);
		const base = {
			actor: { type: 'system', id: 'system' } as const,
			subjectType: 'staff',
			subjectId: 'order-test',
		};
		await appendAudit(database.db, {
			...base,
			estateId,
			action: 'first',
			at: new Date('2026-03-02T00:00:00Z'),
		});
		await appendAudit(database.db, {
			...base,
			estateId,
			action: 'second',
			at: new Date('2026-03-02T00:01:00Z'),
		});
		await appendAudit(database.db, {
			...base,
			estateId: other,
			action: 'elsewhere',
			at: new Date('2026-03-02T00:02:00Z'),
		});
		const listed = await listAudit(database.db, { estateId, subjectId: 'order-test' });
		expect(listed.map((entry) => entry.action)).toEqual(['second', 'first']);
	});
});
