import type { Actor } from '@estate-ops/domain/estate';
import type { StaffId } from '@estate-ops/domain/shared';
import type { SlaRules } from '@estate-ops/domain/sla';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseDriver } from '#test/database';
import {
	connectClient,
	poolConfigOf,
	startInstance,
	staffPrincipal,
	TestTokens,
	waitFor,
	type TestClient,
	type TestInstance,
} from '#test/realtime-harness';
import { createServices } from '../app-services';
import type { DatabaseHandle } from '../db/database';
import { insertDutyShift } from '../db/repositories/duty-roster.repository';
import { slaSettings } from '../db/schema/index';
import { createEstate, createStaffMember } from '../http/auth/auth.fixtures';
import { generateEncryptionKey } from '../privacy/field-encryption';
import { NOTIFICATION_EVENT, userRoom } from '../realtime/realtime-events';
import type { NotificationView } from '../services/duty-notification.service';
import type { SubmitInput } from '../services/work-order.service';
import { createClusterLocks, type ClusterLocks } from './cluster-lock';
import { createSlaWatchJob, type SlaWatchJob } from './sla-watch.job';

// The delivery step as main.ts wires it: a notification reaches its person's `user:<id>` Socket.IO room when the
// roster lets it, and nobody else's. Friday 6 March 2026 in Shanghai, then Monday morning.
const shanghai = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const RESOLVE_IN_100: SlaRules = {
	urgent: { resolve: { measure: 'clock', minutes: 100 } },
	important: { resolve: { measure: 'clock', minutes: 100 } },
	general: { resolve: { measure: 'clock', minutes: 100 } },
};
const NINE_TO_SIX = [{ start: '09:00', end: '18:00' }];

const input = {
	kind: 'repair',
	category: 'carpentry',
	channel: 'front_desk',
	description: '卧室衣柜门铰链松动',
	location: {
		kind: 'point',
		position: [121.47, 31.23],
		description: '3栋大堂',
		buildingId: null,
		zoneId: null,
	},
	residentId: null,
	contact: null,
	desiredWindow: null,
	areaM2: null,
	reportedAt: null,
	attachments: [],
} as SubmitInput;

let handle: DatabaseHandle;
let instance: TestInstance;
let locks: ClusterLocks;
let job: SlaWatchJob;
let clock = shanghai('2026-03-06', '21:20').getTime();
let headId: StaffId;
let leadId: StaffId;
const sockets: TestClient[] = [];
let headInbox: NotificationView[];
let leadInbox: NotificationView[];

const listen = async (staffId: string, estateId: string, tokens: TestTokens) => {
	const socket = await connectClient(instance.url, tokens.issue(staffPrincipal(estateId, staffId)));
	sockets.push(socket);
	const received: NotificationView[] = [];
	socket.on(NOTIFICATION_EVENT, (notification) => received.push(notification));
	return received;
};

beforeAll(async () => {
	handle = await openTestDatabase();
	const estateId = await createEstate(handle.db, 'BELL');
	await handle.db.insert(slaSettings).values({
		estateId,
		rules: RESOLVE_IN_100,
		workingWeek: {
			mon: NINE_TO_SIX,
			tue: NINE_TO_SIX,
			wed: NINE_TO_SIX,
			thu: NINE_TO_SIX,
			fri: NINE_TO_SIX,
			sat: [],
			sun: [],
		},
	});
	const engineer = async () =>
		(await createStaffMember(handle.db, estateId, { roles: ['dispatcher'], department: 'engineering' }))
			.id as StaffId;
	headId = await engineer();
	leadId = await engineer();
	const deskId = (await createStaffMember(handle.db, estateId, { roles: ['customer_service'] })).id;
	const at = new Date(clock);
	await insertDutyShift(
		handle.db,
		estateId,
		{
			staffId: headId,
			department: 'engineering',
			role: 'head',
			start: '08:30',
			end: '17:30',
			repeat: { kind: 'working_days' },
			validFrom: null,
			validUntil: null,
		},
		at,
	);
	await insertDutyShift(
		handle.db,
		estateId,
		{
			staffId: leadId,
			department: 'engineering',
			role: 'lead',
			start: '20:00',
			end: '08:00',
			repeat: { kind: 'weekly', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
			validFrom: null,
			validUntil: null,
		},
		at,
	);
	const services = createServices({
		db: handle.db,
		now: () => new Date(clock),
		encryptionKey: generateEncryptionKey(),
	});
	const actor: Actor = { kind: 'staff', staffId: deskId as StaffId };
	const filed = await services.workOrders.submit(estateId, actor, input, null);
	if (!filed.ok) throw new Error(filed.error.message);

	const tokens = new TestTokens();
	instance = await startInstance(handle.db, tokens);
	locks = createClusterLocks(testDatabaseDriver === 'postgres' ? { postgres: poolConfigOf(handle.db) } : {});
	job = createSlaWatchJob({
		db: handle.db,
		locks,
		now: () => new Date(clock),
		deliver: (delivered) => {
			for (const notification of delivered)
				instance.realtime.io.to(userRoom(notification.recipientId)).emit(NOTIFICATION_EVENT, notification);
		},
	});
	headInbox = await listen(headId, estateId, tokens);
	leadInbox = await listen(leadId, estateId, tokens);
}, 60_000);

afterAll(async () => {
	for (const socket of sockets) socket.close();
	await instance.close();
	await locks.close();
	await handle.close();
});

describe('delivering notifications to their person’s room', () => {
	it('sends the at-risk alert to the night lead’s sockets at once, and not to the head', async () => {
		clock = shanghai('2026-03-06', '23:01').getTime();
		// At risk (22:40) and breached (23:00) in one pass: the lead now, the head queued for Monday.
		expect(await job.runOnce()).toMatchObject({ ran: true, raised: 2, delivered: 1 });
		await waitFor(() => leadInbox.length === 1, 'the lead’s notification');
		expect(leadInbox[0]).toMatchObject({
			recipientId: leadId,
			alert: 'sla.atRisk',
			reasons: ['on_duty_lead'],
		});
		expect(headInbox).toEqual([]);
	});

	it('sends the head’s breach when their Monday shift starts, to them only', async () => {
		clock = shanghai('2026-03-09', '08:30').getTime();
		// The manager level was reached on Friday night; with no manager in this estate nobody else is told.
		expect(await job.runOnce()).toMatchObject({ ran: true, delivered: 1 });
		await waitFor(() => headInbox.length === 1, 'the head’s notification');
		expect(headInbox[0]).toMatchObject({
			recipientId: headId,
			alert: 'sla.breached',
			reasons: ['department_head'],
			deliveredAt: shanghai('2026-03-09', '08:30').toISOString(),
		});
		expect(leadInbox).toHaveLength(1);
	});
});
