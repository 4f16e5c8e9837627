import { createHash } from 'node:crypto';
import type { AreaGeometry, Geometry } from '@estate-ops/domain/estate';
import {
	AreaGeometry as AreaGeometrySchema,
	checkPasswordPolicy,
	isInsideBoundary,
	isValidMainlandIdNumber,
	MapFeature,
	StaffRole,
	Zone,
} from '@estate-ops/domain/estate';
import { DEFAULT_CLEANING_PLANS } from '@estate-ops/domain/cleaning';
import { PatrolRoute } from '@estate-ops/domain/patrols';
import { DEFAULT_SLA_RULES, WeeklyHours } from '@estate-ops/domain/sla';
import type {
	WorkOrder as WorkOrderType,
	WorkOrderEvent as WorkOrderEventType,
} from '@estate-ops/domain/work-orders';
import { apply, WorkOrder, WorkOrderEvent, workOrderSla } from '@estate-ops/domain/work-orders';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database';
import type { DatabaseHandle } from '../db/database';
import { loadSlaContext } from '../db/repositories/sla-settings.repository';
import { listCleaningPlans } from '../db/repositories/cleaning.repository';
import { listPatrolRoutes } from '../db/repositories/patrol-route.repository';
import {
	buildings,
	calendarDays,
	estates,
	households,
	mapFeatures,
	notices,
	residents,
	rooms,
	slaSettings,
	staff,
	workOrderHistory,
	workOrders,
	zones,
} from '../db/schema/index';
import type { DemoEstateDeps, DemoEstateSummary } from './demo-estate';
import { describeDemoEstate, hasDemoEstate, seedDemoEstate } from './demo-estate';
import { positionsOf } from './geometry';
import { DEMO_SEED, mulberry32 } from './random';
import { DEMO_PASSWORD } from './staff';

// A Wednesday morning in March 2026: three months back reaches over the Spring Festival.
const NOW = new Date('2026-03-11T10:30:00+08:00');

// Fast stand-ins for argon2id and AES-GCM: reversible, and never the clear value.
const fakeHash = (plain: string): string =>
	`fake$${createHash('sha256').update(`salt:${plain}`).digest('hex')}`;
const verifyFake = (hash: string, plain: string): boolean => hash === fakeHash(plain);
const encrypt = (plain: string): string => `enc:v1:${Buffer.from(plain, 'utf8').toString('base64')}`;
const decrypt = (sealed: string): string =>
	Buffer.from(sealed.replace(/^enc:v1:/, ''), 'base64').toString('utf8');

const deps = (): DemoEstateDeps => ({
	now: NOW,
	random: mulberry32(DEMO_SEED),
	hashPassword: (plain) => Promise.resolve(fakeHash(plain)),
	encryptField: encrypt,
});

describe('the demo estate', () => {
	let handle: DatabaseHandle;
	let summary: DemoEstateSummary;

	beforeAll(async () => {
		handle = await openTestDatabase();
		const seeded = await seedDemoEstate(handle.db, deps());
		if (seeded === null) throw new Error('the demo estate was not seeded');
		summary = seeded;
	}, 120_000);

	afterAll(async () => {
		await handle.close();
	});

	it('has an estate of a dozen towers, a couple of thousand flats and a few hundred residents', async () => {
		const { counts } = summary;
		expect(counts.buildings).toBe(13);
		expect(counts.rooms).toBeGreaterThanOrEqual(1_500);
		expect(counts.rooms).toBeLessThanOrEqual(3_000);
		expect(counts.residents).toBeGreaterThanOrEqual(250);
		expect(counts.residents).toBeLessThanOrEqual(600);
		expect(counts.staff).toBeGreaterThanOrEqual(50);
		expect(counts.notices).toBeGreaterThanOrEqual(6);
		expect(counts.notices).toBeLessThanOrEqual(10);
		expect(counts.workOrders).toBeGreaterThanOrEqual(1_100);
		expect(counts.workOrders).toBeLessThanOrEqual(1_300);
		expect(counts.openWorkOrders).toBeGreaterThanOrEqual(25);
		expect(counts.openWorkOrders).toBeLessThanOrEqual(80);
		expect(counts.patrolRoutes).toBe(2);

		const [estate] = await handle.db.select().from(estates);
		expect(estate).toMatchObject({
			code: 'YJHT',
			name: '御景华庭',
			nameEn: 'Imperial Garden Residences',
			timeZone: 'Asia/Shanghai',
		});
		const { db } = handle;
		expect(await db.$count(rooms)).toBe(counts.rooms);
		expect(await db.$count(buildings)).toBe(counts.buildings);
		expect(await db.$count(residents)).toBe(counts.residents);
		expect(await db.$count(households)).toBe(counts.households);
		expect(await db.$count(staff)).toBe(counts.staff);
		expect(await db.$count(mapFeatures)).toBe(counts.mapFeatures);
		expect(await db.$count(zones)).toBe(counts.zones);
		expect(await db.$count(workOrders)).toBe(counts.workOrders);
		expect(await db.$count(workOrderHistory)).toBe(counts.workOrderHistory);
	});

	it('stores every work order as the fold of its history, one row per event numbered 1..n', async () => {
		const rows = await handle.db.select().from(workOrders);
		const history = await handle.db
			.select()
			.from(workOrderHistory)
			.orderBy(asc(workOrderHistory.workOrderId), asc(workOrderHistory.version));
		const eventsByOrder = new Map<string, typeof history>();
		for (const entry of history)
			eventsByOrder.set(entry.workOrderId, [...(eventsByOrder.get(entry.workOrderId) ?? []), entry]);

		for (const row of rows) {
			const state = WorkOrder.parse(row.state);
			const entries = eventsByOrder.get(row.id) ?? [];
			expect(entries.map((entry) => entry.version)).toEqual(entries.map((_, i) => i + 1));
			const events = entries.map((entry) => WorkOrderEvent.parse(entry.event));
			entries.forEach((entry, i) => {
				const event = events[i] as WorkOrderEventType;
				expect(entry.type).toBe(event.type);
				expect(entry.at.getTime()).toBe(event.at.getTime());
				expect(entry.actor).toEqual(JSON.parse(JSON.stringify(event.actor)));
			});
			const folded = events.reduce<WorkOrderType | null>(apply, null);
			expect(folded).toEqual(state);
			expect(row.version).toBe(entries.length);
		}
	});

	it('keeps the columns of each work order equal to its state, with SLA columns as the api computes them', async () => {
		const context = await loadSlaContext(handle.db, summary.estateId);
		if (!context) throw new Error('no SLA context');
		const rows = await handle.db.select().from(workOrders);
		for (const row of rows) {
			const order = WorkOrder.parse(row.state);
			const { location } = order;
			expect(row).toMatchObject({
				estateId: order.estateId,
				code: order.code,
				kind: order.kind,
				category: order.category,
				urgency: order.urgency,
				status: order.status,
				channel: order.channel,
				description: order.description,
				assigneeId: order.assigneeId,
				responsibleStaffId: order.responsibleStaffId,
				residentId: order.residentId,
				buildingId: location.buildingId,
				roomId: location.kind === 'room' ? location.roomId : null,
				version: order.version,
			});
			expect(row.submittedAt.getTime()).toBe(order.submittedAt.getTime());
			expect(row.closedAt?.getTime() ?? null).toBe((order.closedAt ?? order.cancelledAt)?.getTime() ?? null);
			expect(row.publicTokenHash).toMatch(/^[0-9a-f]{64}$/);
			const sla = workOrderSla(order, context.rules, context.calendar, NOW);
			expect(row.slaState).toBe(sla.state);
			expect(row.nextDueAt?.getTime() ?? null).toBe(sla.next?.dueAt.getTime() ?? null);
		}
		expect(new Set(rows.map((row) => row.publicTokenHash)).size).toBe(rows.length);
	});

	it('gives three months of believable work: mostly plumbing and electrical, some complaints, most on time', async () => {
		const rows = await handle.db.select().from(workOrders);
		const orders = rows.map((row) => ({ row, order: WorkOrder.parse(row.state) }));
		const share = (test: (o: WorkOrderType) => boolean) =>
			orders.filter(({ order }) => test(order)).length / orders.length;
		const byCategory = new Map<string, number>();
		for (const { order } of orders)
			if (order.kind === 'repair') byCategory.set(order.category, (byCategory.get(order.category) ?? 0) + 1);
		const ranked = [...byCategory.entries()].sort((a, b) => b[1] - a[1]).map(([category]) => category);
		expect(ranked.slice(0, 2).sort()).toEqual(['electrical', 'plumbing']);
		expect(share((o) => o.kind === 'complaint')).toBeGreaterThan(0.07);
		expect(share((o) => o.kind === 'complaint')).toBeLessThan(0.14);
		expect(share((o) => o.kind === 'booking')).toBeGreaterThan(0.05);
		expect(share((o) => o.urgency === 'urgent')).toBeGreaterThan(0.02);
		expect(share((o) => o.urgency === 'important')).toBeGreaterThan(0.03);
		expect(share((o) => o.status === 'cancelled')).toBeGreaterThan(0.01);
		expect(share((o) => o.reopenCount > 0)).toBeGreaterThan(0.03);
		expect(share((o) => o.reopenCount > 0)).toBeLessThan(0.08);
		expect(share((o) => o.pauses.length > 0)).toBeGreaterThan(0.02);
		expect(new Set(orders.map(({ order }) => order.channel)).size).toBeGreaterThanOrEqual(6);

		const finished = orders.filter(({ order }) => order.status === 'closed');
		const missed = finished.filter(({ row }) => row.slaState === 'missed').length / finished.length;
		expect(missed).toBeGreaterThan(0.06);
		expect(missed).toBeLessThan(0.14);

		const ratings = orders.flatMap(({ order }) => [
			...(order.feedback ? [order.feedback.ratings] : []),
			...order.reworks.flatMap((rework) =>
				rework.previous.feedback ? [rework.previous.feedback.ratings] : [],
			),
		]);
		const results = ratings.map((r) => r.result);
		expect(results.filter((r) => r >= 4).length / results.length).toBeGreaterThan(0.8);
		expect(results.some((r) => r <= 2)).toBe(true);
	});

	it('leaves orders open at now for the live map: urgent ones, some at risk, a couple breached, one paused', async () => {
		const open = (await handle.db.select().from(workOrders)).filter(
			(row) => !['closed', 'cancelled'].includes(row.status),
		);
		const states = new Set(open.map((row) => row.status));
		for (const status of ['submitted', 'accepted', 'assigned', 'on_site', 'resolved'])
			expect(states).toContain(status);
		expect(open.filter((row) => row.urgency === 'urgent').length).toBeGreaterThanOrEqual(3);
		expect(open.filter((row) => row.slaState === 'at_risk').length).toBeGreaterThanOrEqual(2);
		expect(open.filter((row) => row.slaState === 'breached').length).toBeGreaterThanOrEqual(2);
		expect(open.filter((row) => row.slaState === 'breached').length).toBeLessThanOrEqual(6);
		expect(open.some((row) => row.slaState === 'paused')).toBe(true);
		for (const row of open) expect(row.submittedAt.getTime()).toBeLessThan(NOW.getTime());
	});

	it('draws every building, feature, zone and checkpoint inside the boundary, each valid for its kind', async () => {
		const [estate] = await handle.db.select().from(estates);
		const boundary: AreaGeometry = AreaGeometrySchema.parse(estate?.boundary);
		const inside = (geometry: Geometry) =>
			positionsOf(geometry).every((position) => isInsideBoundary(position, boundary));

		for (const building of await handle.db.select().from(buildings)) {
			expect(inside(AreaGeometrySchema.parse(building.footprint))).toBe(true);
			expect(isInsideBoundary([building.centreLng ?? 0, building.centreLat ?? 0], boundary)).toBe(true);
		}
		const features = await handle.db.select().from(mapFeatures);
		for (const row of features) {
			const feature = MapFeature.parse({ ...row, refId: row.properties['refId'] ?? null });
			expect(inside(feature.geometry)).toBe(true);
		}
		for (const row of await handle.db.select().from(zones))
			expect(inside(Zone.parse(row).geometry)).toBe(true);
		const kinds = new Set(features.map((f) => f.kind));
		for (const kind of [
			'boundary',
			'building',
			'clubhouse',
			'road',
			'green',
			'water',
			'gate',
			'parking_entrance',
			'checkpoint',
		]) {
			expect(kinds).toContain(kind);
		}
		expect(
			features
				.filter((f) => f.kind === 'gate')
				.map((f) => f.name)
				.sort(),
		).toEqual(['北大门', '南门']);
		expect(features.filter((f) => f.kind === 'parking_entrance')).toHaveLength(2);
		expect((await handle.db.select().from(zones)).map((z) => z.kind)).toEqual(
			expect.arrayContaining(['corridor', 'lift', 'road', 'green', 'toilet', 'garbage_point']),
		);
	});

	it('keeps two patrol routes in the patrol tables whose checkpoints are map features without their codes', async () => {
		const stored = await listPatrolRoutes(handle.db, summary.estateId);
		const routes = PatrolRoute.array().parse(stored.map((entry) => entry.route));
		expect(routes.map((route) => route.checkpoints.length).sort()).toEqual([12, 8].sort());
		expect(new Set(routes.flatMap((route) => route.checkpoints.map((c) => c.code))).size).toBe(20);
		const checkpoints = await handle.db.select().from(mapFeatures).where(eq(mapFeatures.kind, 'checkpoint'));
		const routeById = new Map(checkpoints.map((c) => [c.id, c.properties['routeId']]));
		for (const route of routes) {
			for (const checkpoint of route.checkpoints)
				expect(routeById.get(checkpoint.checkpointId)).toBe(route.id);
		}
		expect(checkpoints.every((c) => !('code' in c.properties))).toBe(true);
		const [estate] = await handle.db.select().from(estates);
		expect(estate?.settings).not.toHaveProperty('patrolRoutes');
	});

	it('gives every kind of cleaning zone the standard cleaning plan', async () => {
		const plans = await listCleaningPlans(handle.db, summary.estateId);
		const kinds = new Set((await handle.db.select().from(zones)).map((z) => z.kind));
		expect(plans.map((plan) => plan.zoneKind).sort()).toEqual(
			Object.values(DEFAULT_CLEANING_PLANS)
				.map((plan) => plan.zoneKind)
				.filter((kind) => kinds.has(kind))
				.sort(),
		);
	});

	it('has staff of every role, and every demo login signs in with the demo password', async () => {
		const rows = await handle.db.select().from(staff);
		const roles = new Set(rows.flatMap((row) => row.roles));
		for (const role of StaffRole.options) expect(roles).toContain(role);
		expect(checkPasswordPolicy(DEMO_PASSWORD).ok).toBe(true);
		const usernames = summary.logins.map((login) => login.username);
		for (const name of [
			'admin',
			'manager',
			'control',
			'service',
			'dispatch',
			'tech',
			'guard',
			'cleaner',
			'supervisor',
			'finance',
		]) {
			expect(usernames).toContain(name);
		}
		for (const login of summary.logins) {
			const row = rows.find((r) => r.username === login.username);
			expect(row).toMatchObject({ mustChangePassword: false, roles: login.roles });
			expect(verifyFake(row?.passwordHash ?? '', login.password)).toBe(true);
		}
		const others = rows.filter((row) => !usernames.includes(row.username));
		expect(
			others.every((row) => row.mustChangePassword && !verifyFake(row.passwordHash, DEMO_PASSWORD)),
		).toBe(true);
		const technicians = rows.filter((row) => row.roles.includes('technician'));
		for (const skill of [
			'plumbing',
			'electrical',
			'carpentry',
			'doors_locks',
			'appliances',
			'lift',
			'hvac',
		]) {
			expect(technicians.some((row) => row.skills.includes(skill))).toBe(true);
		}
	});

	it('stores residents’ phone and ID numbers only encrypted, with masked copies', async () => {
		const rows = await handle.db.select().from(residents);
		const phones = new Set<string>();
		for (const row of rows) {
			const phone = decrypt(row.phoneEncrypted);
			phones.add(phone);
			expect(phone).toMatch(/^1[3-9]\d{9}$/);
			expect(row.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
			expect(JSON.stringify(row)).not.toContain(phone);
			if (row.idNumberEncrypted !== null) {
				const idNumber = decrypt(row.idNumberEncrypted);
				expect(isValidMainlandIdNumber(idNumber)).toBe(true);
				expect(JSON.stringify(row)).not.toContain(idNumber);
			}
		}
		expect(rows.filter((row) => row.idNumberEncrypted !== null).length).toBeGreaterThan(rows.length / 3);
		expect(new Set(rows.map((row) => row.relation))).toEqual(new Set(['owner', 'tenant', 'family']));
		// No phone number of any resident anywhere in the residents' or the work orders' rows.
		const stored = JSON.stringify([rows, await handle.db.select().from(workOrders)]);
		const leaked = (stored.match(/\d{11,}/g) ?? []).flatMap((run) =>
			Array.from({ length: run.length - 10 }, (_, i) => run.slice(i, i + 11)).filter((digits) =>
				phones.has(digits),
			),
		);
		expect(leaked).toEqual([]);
	});

	it('publishes notices that are pinned, expired, scheduled and for two buildings only', async () => {
		const rows = await handle.db.select().from(notices);
		expect(rows.some((n) => n.pinned)).toBe(true);
		expect(rows.some((n) => n.expireAt !== null && n.expireAt < NOW)).toBe(true);
		expect(rows.some((n) => n.publishAt > NOW)).toBe(true);
		const targeted = rows.filter((n) => (n.audience as { scope: string }).scope === 'buildings');
		expect(targeted).toHaveLength(1);
		expect((targeted[0]?.audience as { buildingIds: string[] }).buildingIds).toHaveLength(2);
		expect(rows.map((n) => n.title).join()).toMatch(/春节/);
	});

	it('sets the default SLA rules, a Monday–Friday week and the mainland holidays with 调休 working days', async () => {
		const [settings] = await handle.db.select().from(slaSettings);
		expect(settings?.rules).toEqual(DEFAULT_SLA_RULES);
		const week = WeeklyHours.parse(settings?.workingWeek);
		expect(week.mon).toEqual([{ start: '09:00', end: '18:00' }]);
		expect(week.sat).toEqual([]);
		const days = await handle.db.select().from(calendarDays);
		expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({
			kind: 'holiday',
			name: '国庆节',
			source: 'preset',
		});
		expect(days.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'working', source: 'preset' });
		expect(days.find((d) => d.date === '2025-01-26')).toMatchObject({ kind: 'working' });
	});

	it('refuses to seed a second time and writes nothing', async () => {
		expect(await hasDemoEstate(handle.db)).toBe(true);
		await expect(seedDemoEstate(handle.db, deps())).resolves.toBeNull();
		expect(await handle.db.$count(estates)).toBe(1);
		expect(await handle.db.$count(workOrders)).toBe(summary.counts.workOrders);
	});
});

describe('seeding the demo estate', () => {
	it('builds the same estate from the same seed and time', async () => {
		const [first, second] = await Promise.all([openTestDatabase(), openTestDatabase()]);
		try {
			expect(await hasDemoEstate(first.db)).toBe(false);
			const [a, b] = [await seedDemoEstate(first.db, deps()), await seedDemoEstate(second.db, deps())];
			expect(a).toEqual(b);
			const codes = async (h: DatabaseHandle) =>
				await h.db
					.select({ code: workOrders.code, status: workOrders.status })
					.from(workOrders)
					.orderBy(asc(workOrders.code));
			expect(await codes(first)).toEqual(await codes(second));
		} finally {
			await Promise.all([first.close(), second.close()]);
		}
	}, 120_000);
});

describe('describeDemoEstate', () => {
	it('lists what was seeded and every demo login with its roles', () => {
		const text = describeDemoEstate({
			estateId: 'e',
			code: 'YJHT',
			name: '御景华庭',
			logins: [
				{ username: 'admin', password: DEMO_PASSWORD, roles: ['admin'] },
				{ username: 'tech2', password: DEMO_PASSWORD, roles: ['technician'] },
			],
			counts: {
				buildings: 13,
				units: 24,
				rooms: 1856,
				mapFeatures: 65,
				zones: 56,
				patrolRoutes: 2,
				checkpoints: 20,
				staff: 60,
				households: 140,
				residents: 397,
				notices: 8,
				calendarDays: 72,
				dutyShifts: 29,
				workOrders: 1194,
				openWorkOrders: 38,
				workOrderHistory: 9982,
			},
		});
		expect(text).toContain('御景华庭 (YJHT)');
		expect(text).toContain(`password ${DEMO_PASSWORD}`);
		expect(text).toMatch(/^ {2}tech2 {2}technician$/m);
	});
});
