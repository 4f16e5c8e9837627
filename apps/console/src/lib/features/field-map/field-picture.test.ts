import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import type { ApiResult } from '$lib/api/http';
import type { FieldAlertView } from './alerts-api';
import { FieldPicture } from './field-picture.svelte';
import type { FieldPictureDeps } from './field-picture.svelte';
import type { LatestPositions } from './positions-api';

const at = (time: string) => `2026-03-02T${time}.000Z`;
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

const wireFix = (personId: string, time: string, change: Record<string, unknown> = {}) => ({
	personId,
	role: 'guard',
	lng: 121.5,
	lat: 31.2,
	accuracyM: 5,
	headingDeg: 90,
	at: at(time),
	stale: false,
	outside: false,
	...change,
});
const wireFrame = (...positions: unknown[]) => ({ estateId: 'e1', at: at('01:00:00'), positions });

const sos = (change: Partial<FieldAlertView> = {}): FieldAlertView => ({
	id: 'a1',
	kind: 'sos',
	status: 'open',
	personId: 'g1',
	personName: '王保安',
	lng: 121.5,
	lat: 31.2,
	note: null,
	raisedAt: new Date(at('01:00:00')),
	repeats: 0,
	acknowledgedAt: null,
	resolvedAt: null,
	resolution: null,
	version: 1,
	...change,
});

/** A stand-in for the live estate: the test sends events, frames and "live again". */
function source() {
	const events = new Set<(event: WireEvent) => void>();
	const frames = new Set<(frame: unknown) => void>();
	const lives = new Set<() => void>();
	const on =
		<T>(set: Set<T>) =>
		(listener: T) => {
			set.add(listener);
			return () => set.delete(listener);
		};
	return {
		onEvent: on(events),
		onPositions: on(frames),
		onLive: on(lives),
		event: (type: string, payload: unknown) => {
			for (const listener of events)
				listener({ seq: 1, estateId: 'e1', type, aggregateType: 'x', aggregateId: 'y', at: at('01:00:00'), payload });
		},
		frame: (frame: unknown) => {
			for (const listener of frames) listener(frame);
		},
		live: () => {
			for (const listener of lives) listener();
		},
		listeners: () => events.size + frames.size + lives.size,
	};
}

function deps(latest: LatestPositions, open: FieldAlertView[] = []): FieldPictureDeps & { reads: { positions: number } } {
	const reads = { positions: 0 };
	return {
		reads,
		positions: {
			latest: async () => {
				reads.positions++;
				return ok(latest);
			},
			track: async (personId) => ok({ personId, from: new Date(), to: new Date(), points: [] }),
		},
		alerts: {
			open: async () => ok(open),
			acknowledge: async (id) => ok(sos({ id, status: 'acknowledged', version: 2 })),
			resolve: async (id) => ok(sos({ id, status: 'resolved', version: 3 })),
		},
		patrols: {
			routes: async () => ok([]),
			rounds: async () => ok({ date: '2026-03-02', timeZone: 'Asia/Shanghai', evaluatedAt: new Date(), routes: [], current: [] }),
		},
		cleaning: {
			day: async () => ok({ date: '2026-03-02', timeZone: 'Asia/Shanghai', evaluatedAt: new Date(), conditions: [], zones: [] }),
		},
		scope: { positions: true, alerts: true, patrols: true, cleaning: true },
		nameOf: (id) => (id === 'g2' ? '赵保安' : null),
		frameMs: 250,
		roundsMs: 60_000,
	};
}

const nobody: LatestPositions = { at: new Date(at('01:00:00')), positions: [] };

describe('FieldPicture', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('folds the frames of a quarter second into one picture, so the map redraws at most four times a second', () => {
		const picture = new FieldPicture(deps(nobody));
		const live = source();
		const stop = picture.follow(live);
		live.frame(wireFrame(wireFix('g1', '01:00:00')));
		live.frame(wireFrame(wireFix('g1', '01:00:01', { lng: 121.6 }), wireFix('g2', '01:00:01')));
		expect(picture.people.size).toBe(0);
		vi.advanceTimersByTime(250);
		expect(picture.people.get('g1')?.lng).toBe(121.6);
		expect(picture.people.get('g2')?.name).toBe('赵保安');
		stop();
		expect(live.listeners()).toBe(0);
	});

	it('ignores frames it cannot read', () => {
		const picture = new FieldPicture(deps(nobody));
		const live = source();
		picture.follow(live);
		live.frame({ estateId: 'e1', positions: [{ personId: 'g1' }] });
		vi.advanceTimersByTime(250);
		expect(picture.people.size).toBe(0);
	});

	it('reads everything again once live after a reconnect, keeping a frame newer than the api’s answer', async () => {
		const latest: LatestPositions = {
			at: new Date(at('01:00:00')),
			positions: [
				{
					...wireFix('g1', '01:00:00'),
					role: 'guard',
					at: new Date(at('01:00:00')),
					displayName: '王保安',
					speedMps: null,
					batteryPct: 80,
					receivedAt: new Date(at('01:00:00')),
				},
			],
		};
		const fake = deps(latest, [sos()]);
		const picture = new FieldPicture(fake);
		const live = source();
		picture.follow(live);
		live.frame(wireFrame(wireFix('g1', '01:00:09', { lng: 121.7 })));
		vi.advanceTimersByTime(250);
		live.live();
		await vi.advanceTimersByTimeAsync(1);
		expect(fake.reads.positions).toBe(1);
		expect(picture.loaded).toBe(true);
		expect(picture.people.get('g1')).toMatchObject({ lng: 121.7, name: '王保安' });
		expect(picture.alerts.get('a1')?.status).toBe('open');
	});

	it('sounds an SOS as it is raised and drops it once resolved', () => {
		const picture = new FieldPicture(deps(nobody));
		const live = source();
		picture.follow(live);
		const heard: string[] = [];
		picture.onSos((alert) => heard.push(alert.personName));
		const payload = (change: Record<string, unknown>) => ({
			alert: { ...sos(), raisedAt: at('01:00:00'), ...change },
		});
		live.event('alert.raised', payload({}));
		expect(picture.alerts.size).toBe(1);
		live.event('alert.resolved', payload({ status: 'resolved', version: 2 }));
		expect(picture.alerts.size).toBe(0);
		expect(heard).toEqual(['王保安']);
	});

	it('keeps what the control room did to an alert, and reads the alerts again when someone was first', async () => {
		const fake = deps(nobody, [sos()]);
		const picture = new FieldPicture({
			...fake,
			alerts: {
				...fake.alerts,
				resolve: async () => ({ ok: false, failure: { kind: 'problem', problem: { status: 409, title: 'Conflict' } } }),
			},
		});
		await picture.load();
		await picture.acknowledge('a1');
		expect(picture.alerts.get('a1')?.status).toBe('acknowledged');
		await picture.resolve('a1', '已到场');
		expect(picture.alerts.get('a1')?.status).toBe('open');
	});
});
