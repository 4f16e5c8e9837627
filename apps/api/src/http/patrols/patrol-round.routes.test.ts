import { eq } from 'drizzle-orm';
import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '#test/api-harness';
import { patrolRounds, patrolScans } from '../../db/schema/index';
import { photoForm, PNG_1X1 } from '../kiosk/kiosk.fixtures';
import { gardenRouteBody, outbox, shanghai } from './patrols.fixtures';

type Checkpoint = { checkpointId: string; name: string; state: string; flags: string[]; behind: boolean };
type Round = {
	id: string;
	routeId: string;
	status: string;
	completion: number;
	startsAt: string;
	counts: Record<string, number>;
	checkpoints: Checkpoint[];
};
type ScanResult = {
	scan: {
		id: string;
		verdict: string;
		counted: boolean;
		offPosition: boolean;
		point: [number, number];
		distanceMetres: number | null;
	};
	round: Round;
	duplicate: boolean;
};
type ProblemJson = { code?: string; errors?: { path: string; message: string }[] };

const GATE: [number, number] = [121.4737, 31.2304];
const POND: [number, number] = [121.4747, 31.2314];
const CLUB: [number, number] = [121.4757, 31.2324];

let api: TestApi;
let estateId: string;
let routeId: string;
let guard: { id: string; session: string };
let guard2: { id: string; session: string };
let guard3: { id: string; session: string };
let control: { id: string; session: string };
let cleaner: { id: string; session: string };

const setClock = (at: Date) => api.advance(at.getTime() - api.now().getTime());
const today = (time: string) => shanghai('2026-03-02', time);

const scanBody = (code: string, at: Date, point: [number, number], extra: Record<string, unknown> = {}) => ({
	checkpointCode: code,
	scannedAt: at.toISOString(),
	lng: point[0],
	lat: point[1],
	accuracyM: 8,
	...extra,
});
const scan = (session: string, body: unknown) =>
	api.request('/api/v1/patrols/scans', { method: 'POST', session, json: body });

beforeAll(async () => {
	api = await createTestApi({ start: today('09:00') });
	estateId = await api.createEstate('RS');
	const manager = await api.staffSession(estateId, ['manager']);
	guard = await api.staffSession(estateId, ['guard']);
	guard2 = await api.staffSession(estateId, ['guard']);
	guard3 = await api.staffSession(estateId, ['guard']);
	control = await api.staffSession(estateId, ['control_room']);
	cleaner = await api.staffSession(estateId, ['cleaner']);
	const res = await api.request('/api/v1/patrols/routes', {
		method: 'POST',
		session: manager.session,
		json: gardenRouteBody('S'),
	});
	routeId = ((await res.json()) as { id: string }).id;
});
afterAll(() => api.close());

describe('scanning checkpoints of the 10:00 round', () => {
	it('marks the gate visited at once: the scan, the round’s progress and a patrol.checkpointVisited event', async () => {
		setClock(today('10:12'));
		const res = await scan(
			guard.session,
			scanBody('S-GATE-7F3A', today('10:12'), GATE, { note: '大门正常' }),
		);
		expect(res.status).toBe(201);
		const body = (await res.json()) as ScanResult;
		expect(body.duplicate).toBe(false);
		expect(body.scan).toMatchObject({ verdict: 'visit', counted: true, offPosition: false });
		expect(body.round).toMatchObject({ startsAt: today('10:00').toISOString(), status: 'in_progress' });
		expect(body.round.checkpoints.map((c) => [c.name, c.state])).toEqual([
			['南门', 'visited'],
			['景观水池', 'due'],
			['会所', 'due'],
		]);

		const visited = await outbox(api.db, estateId, 'patrol.checkpointVisited');
		expect(visited).toHaveLength(1);
		expect(visited[0]).toMatchObject({ aggregateType: 'patrolRound', aggregateId: body.round.id });
		expect(visited[0]?.payload).toMatchObject({
			routeId,
			checkpointName: '南门',
			state: 'visited',
			guardId: guard.id,
			scanId: body.scan.id,
			point: GATE,
			roundStatus: 'in_progress',
		});
	});

	it('answers a retry of the same guard’s scan with the first one, storing and announcing nothing', async () => {
		const again = await scan(
			guard.session,
			scanBody('S-GATE-7F3A', today('10:12'), GATE, { note: '大门正常' }),
		);
		expect(again.status).toBe(200);
		const first = (await again.json()) as ScanResult;
		expect(first.duplicate).toBe(true);
		// Even with another time in the same round, this guard has scanned this checkpoint once.
		const later = await scan(guard.session, scanBody('S-GATE-7F3A', today('10:14'), GATE));
		expect(later.status).toBe(200);
		expect(((await later.json()) as ScanResult).scan.id).toBe(first.scan.id);
		expect(await api.db.$count(patrolScans, eq(patrolScans.roundId, first.round.id))).toBe(1);
		expect(await outbox(api.db, estateId, 'patrol.checkpointVisited')).toHaveLength(1);
	});

	it('keeps another guard’s scan of a visited checkpoint without counting it', async () => {
		const res = await scan(guard2.session, scanBody('S-GATE-7F3A', today('10:13'), GATE));
		expect(res.status).toBe(201);
		const body = (await res.json()) as ScanResult;
		expect(body.scan).toMatchObject({ verdict: 'repeat', counted: false });
		const ignored = await outbox(api.db, estateId, 'patrol.scanNotCounted');
		expect(ignored.map((e) => e.payload)).toEqual([
			expect.objectContaining({ verdict: 'repeat', guardId: guard2.id }),
		]);
	});

	it('counts a scan past the tolerance as late, with one patrol.checkpointLate before the visit', async () => {
		setClock(today('10:44'));
		const res = await scan(guard.session, scanBody('S-POND-91BC', today('10:44'), POND));
		expect(res.status).toBe(201);
		const body = (await res.json()) as ScanResult;
		expect(body.scan.verdict).toBe('late_visit');
		expect(body.round.checkpoints.find((c) => c.name === '景观水池')?.state).toBe('late');
		const events = (await outbox(api.db, estateId, 'patrol.checkpoint')).slice(-2);
		expect(events.map((e) => e.type)).toEqual(['patrol.checkpointLate', 'patrol.checkpointVisited']);
		expect(events[0]?.payload).toMatchObject({
			checkpointName: '景观水池',
			scanned: true,
			at: today('10:40').toISOString(),
		});
		expect(events[1]?.payload).toMatchObject({ state: 'late' });
	});

	it('closes the round with its last checkpoint, flagging a scan far from the plate', async () => {
		setClock(today('10:50'));
		const farAway: [number, number] = [CLUB[0] + 0.003, CLUB[1]]; // about 280 m east
		const res = await scan(guard.session, scanBody('S-CLUB-2D44', today('10:50'), farAway));
		expect(res.status).toBe(201);
		const body = (await res.json()) as ScanResult;
		expect(body.scan.offPosition).toBe(true);
		expect(body.scan.distanceMetres).toBeGreaterThan(250);
		expect(body.round.status).toBe('completed_with_issues');
		expect(body.round.checkpoints.find((c) => c.name === '会所')?.flags).toEqual(['off_position']);
		const [stored] = await api.db.select().from(patrolRounds).where(eq(patrolRounds.id, body.round.id));
		expect(stored?.closedAt?.toISOString()).toBe(today('10:50').toISOString());
		const closed = await outbox(api.db, estateId, 'patrol.roundClosed');
		expect(closed.map((e) => e.payload)).toEqual([
			expect.objectContaining({
				roundId: body.round.id,
				status: 'completed_with_issues',
				visited: 2,
				late: 1,
				missed: 0,
			}),
		]);
	});

	it('stores a scan after the window closed with its verdict, not counted', async () => {
		setClock(today('11:20'));
		const res = await scan(guard3.session, scanBody('S-GATE-7F3A', today('11:20'), GATE));
		expect(res.status).toBe(201);
		const body = (await res.json()) as ScanResult;
		expect(body.scan).toMatchObject({ verdict: 'after_window', counted: false });
		expect(body.round.startsAt).toBe(today('10:00').toISOString());
	});
});

describe('positions from Chinese map SDKs', () => {
	it('converts a GCJ-02 position to WGS-84 before judging the distance to the plate', async () => {
		setClock(today('12:14'));
		const [lng, lat] = gcoord.transform([GATE[0], GATE[1]], gcoord.WGS84, gcoord.GCJ02);
		// Taken as WGS-84 the reported point would be hundreds of metres off.
		expect(Math.abs(lng - GATE[0]) + Math.abs(lat - GATE[1])).toBeGreaterThan(0.003);
		const res = await scan(
			guard.session,
			scanBody('S-GATE-7F3A', today('12:14'), [lng, lat], { datum: 'gcj02' }),
		);
		expect(res.status).toBe(201);
		const body = (await res.json()) as ScanResult;
		expect(body.scan).toMatchObject({ verdict: 'visit', offPosition: false });
		expect(body.scan.point[0]).toBeCloseTo(GATE[0], 5);
		expect(body.scan.point[1]).toBeCloseTo(GATE[1], 5);
		expect(body.scan.distanceMetres).toBeLessThan(2);
	});
});

describe('findings with photos', () => {
	it('takes a photo upload, then a scan naming it, and shows both in the patrol log', async () => {
		setClock(today('12:31'));
		const upload = await api.request('/api/v1/patrols/photos', {
			method: 'POST',
			session: guard.session,
			body: photoForm(PNG_1X1, 'image/png', 'exit.png'),
		});
		expect(upload.status).toBe(201);
		const photo = (await upload.json()) as { id: string };
		const res = await scan(
			guard.session,
			scanBody('S-POND-91BC', today('12:31'), POND, {
				method: 'typed',
				findings: [
					{ kind: 'fire_safety', text: '消防通道被电动车堵塞，已通知车主挪走', photoAttachmentId: photo.id },
				],
			}),
		);
		expect(res.status).toBe(201);

		const log = await api.request('/api/v1/patrols/log?date=2026-03-02', { session: control.session });
		expect(log.status).toBe(200);
		const { entries } = (await log.json()) as {
			entries: {
				checkpointName: string;
				routeName: string;
				guardName: string;
				method: string;
				findings: unknown[];
				verdict: string;
			}[];
		};
		expect(entries.map((e) => [e.checkpointName, e.verdict])).toEqual([
			['南门', 'visit'],
			['南门', 'repeat'],
			['景观水池', 'late_visit'],
			['会所', 'visit'],
			['南门', 'after_window'],
			['南门', 'visit'],
			['景观水池', 'visit'],
		]);
		expect(entries.at(-1)).toMatchObject({
			routeName: '中心花园线',
			method: 'typed',
			findings: [
				{ kind: 'fire_safety', text: '消防通道被电动车堵塞，已通知车主挪走', photoAttachmentId: photo.id },
			],
		});
		expect(entries.at(-1)?.guardName).toMatch(/^员工/);
	});
});

describe('refused scans', () => {
	it.each<[string, () => unknown, number, string, string]>([
		[
			'an unknown code',
			() => scanBody('NOPE', api.now(), GATE),
			422,
			'PATROL.UNKNOWN_CHECKPOINT',
			'checkpointCode',
		],
		[
			'a time ahead of the clock',
			() => scanBody('S-GATE-7F3A', new Date(api.now().getTime() + 10 * 60_000), GATE),
			422,
			'PATROL.SCAN_IN_FUTURE',
			'scannedAt',
		],
		[
			'a scan three days old',
			() => scanBody('S-GATE-7F3A', new Date(api.now().getTime() - 72 * 3_600_000), GATE),
			422,
			'PATROL.SCAN_TOO_OLD',
			'scannedAt',
		],
		[
			'a photo nobody uploaded',
			() =>
				scanBody('S-CLUB-2D44', api.now(), CLUB, {
					findings: [
						{ kind: 'damage', text: '灯坏了', photoAttachmentId: '00000000-0000-4000-8000-000000000000' },
					],
				}),
			422,
			'ATTACHMENT.NOT_FOUND',
			'findings.0.photoAttachmentId',
		],
		[
			'no position',
			() => ({ checkpointCode: 'S-GATE-7F3A', scannedAt: api.now().toISOString(), accuracyM: 5 }),
			400,
			'REQUEST.INVALID',
			'lng',
		],
		[
			'an unknown datum',
			() => scanBody('S-GATE-7F3A', api.now(), GATE, { datum: 'mars' }),
			400,
			'REQUEST.INVALID',
			'datum',
		],
		[
			'an unknown finding kind',
			() => scanBody('S-GATE-7F3A', api.now(), GATE, { findings: [{ kind: 'ufo', text: 'x' }] }),
			400,
			'REQUEST.INVALID',
			'findings.0.kind',
		],
	])('refuses %s and stores nothing', async (_case, body, status, code, path) => {
		const before = await api.db.$count(patrolScans);
		const res = await scan(guard3.session, body());
		expect(res.status).toBe(status);
		const problem = (await res.json()) as ProblemJson;
		expect(problem.code).toBe(code);
		expect(problem.errors?.map((e) => e.path)).toContain(path);
		expect(await api.db.$count(patrolScans)).toBe(before);
	});

	it('is for guards: a cleaner or the control room may not scan', async () => {
		for (const session of [cleaner.session, control.session]) {
			expect((await scan(session, scanBody('S-GATE-7F3A', api.now(), GATE))).status).toBe(403);
		}
		expect((await api.request('/api/v1/patrols/scans', { method: 'POST', json: {} })).status).toBe(401);
	});
});

describe('reading rounds', () => {
	it('gives each route’s rounds of a day with every checkpoint’s state, and the rounds open now', async () => {
		setClock(today('12:40'));
		const res = await api.request('/api/v1/patrols/rounds?date=2026-03-02', { session: control.session });
		expect(res.status).toBe(200);
		const day = (await res.json()) as {
			date: string;
			timeZone: string;
			routes: { routeId: string; rounds: Round[]; totals: Record<string, number> }[];
			current: Round[];
		};
		expect(day).toMatchObject({ date: '2026-03-02', timeZone: 'Asia/Shanghai' });
		const route = day.routes.find((r) => r.routeId === routeId);
		expect(route?.rounds.map((r) => [r.startsAt, r.status])).toEqual([
			[today('10:00').toISOString(), 'completed_with_issues'],
			[today('12:00').toISOString(), 'in_progress'],
			[today('14:00').toISOString(), 'scheduled'],
			[today('16:00').toISOString(), 'scheduled'],
			[today('18:00').toISOString(), 'scheduled'],
			[today('20:00').toISOString(), 'scheduled'],
			[today('22:00').toISOString(), 'scheduled'],
			// The night's rounds after midnight belong to the day their night began.
			[shanghai('2026-03-03', '01:00').toISOString(), 'scheduled'],
			[shanghai('2026-03-03', '04:00').toISOString(), 'scheduled'],
		]);
		expect(route?.totals).toMatchObject({
			completed_with_issues: 1,
			in_progress: 1,
			scheduled: 7,
			checkpointsLate: 1,
		});
		expect(day.current.map((r) => r.startsAt)).toEqual([today('12:00').toISOString()]);
		expect(day.current[0]?.checkpoints.map((c) => [c.name, c.state])).toEqual([
			['南门', 'visited'],
			['景观水池', 'visited'],
			['会所', 'due'],
		]);
		expect(day.current[0]?.counts).toEqual({ visited: 2, late: 0, missed: 0, due: 1, upcoming: 0 });
	});

	it('shows days to come as the rounds the routes will generate', async () => {
		const res = await api.request('/api/v1/patrols/rounds?date=2026-03-05', { session: guard.session });
		const day = (await res.json()) as { routes: { rounds: Round[] }[] };
		expect(day.routes[0]?.rounds).toHaveLength(11);
		expect(day.routes[0]?.rounds.every((r) => r.status === 'scheduled')).toBe(true);
	});

	it('gives one round with its scans and the alerts it raised', async () => {
		const id = `${routeId}:${today('10:00').toISOString()}`;
		const res = await api.request(`/api/v1/patrols/rounds/${id}`, { session: control.session });
		expect(res.status).toBe(200);
		const detail = (await res.json()) as {
			round: Round;
			scans: { verdict: string }[];
			alerts: { type: string }[];
		};
		expect(detail.round.id).toBe(id);
		expect(detail.scans.map((s) => s.verdict)).toEqual([
			'visit',
			'repeat',
			'late_visit',
			'visit',
			'after_window',
		]);
		expect(detail.alerts.map((a) => a.type)).toEqual(['patrol.checkpointLate', 'patrol.roundClosed']);
		const encoded = await api.request(`/api/v1/patrols/rounds/${encodeURIComponent(id)}`, {
			session: control.session,
		});
		expect(encoded.status).toBe(200);
	});

	it.each([
		['/api/v1/patrols/rounds?date=2026-13-01', 400],
		['/api/v1/patrols/log?date=yesterday', 400],
		['/api/v1/patrols/rounds/nothing:2026-03-02T02:00:00.000Z', 404],
	])('answers %s with %i', async (path, status) => {
		const res = await api.request(path, { session: control.session });
		expect(res.status).toBe(status);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
	});

	it('is not for a cleaner', async () => {
		expect((await api.request('/api/v1/patrols/rounds', { session: cleaner.session })).status).toBe(403);
	});
});
