import { describe, expect, it } from 'vitest';
import type { Problem } from '$lib/api/http';
import type { UndeliveredReport } from '$lib/api/kiosk-api';
import type { KioskFiling, KioskReceipt } from '$lib/api/wire';
import { attemptOf, deliver, flushOutbox, MemoryOutboxStore, undeliveredReport } from './outbox';
import type { Attempt, FilingTransport, QueuedFiling } from './outbox';

const filing: KioskFiling = {
	kind: 'repair',
	category: 'plumbing',
	description: '厨房水龙头漏水',
	roomId: '6f1d0c1e-7c53-4a43-9a55-1f0f5f9d8a01',
	phoneLast4: '5678',
	publicToken: 'abcdefghijklmnopqrstuvwxyz',
};

const queued = (key: string, change: Partial<QueuedFiling> = {}): QueuedFiling => ({
	idempotencyKey: key,
	filing,
	photo: null,
	queuedAt: `2026-03-02T01:00:0${key.slice(-1)}.000Z`,
	attempts: 0,
	refusal: null,
	...change,
});

const receipt = (code: string): KioskReceipt => ({
	code,
	publicToken: 'abcdefghijklmnopqrstuvwxyz',
	statusUrl: '/status/abcdefghijklmnopqrstuvwxyz',
	urgency: 'general',
	emergency: false,
});

const unprocessable: Problem = {
	status: 422,
	title: 'Unprocessable Content',
	code: 'KIOSK.VERIFICATION_FAILED',
	errors: [{ path: 'phoneLast4', message: 'the digits do not match' }],
};

/**
 * The api as the outbox sees it: each call answers from a script (default: done), and every call is
 * recorded; the api's own idempotency is modelled by answering a repeated key with the first receipt.
 */
function scriptedApi(
	script: {
		file?: Attempt<KioskReceipt>[];
		upload?: Attempt<{ id: string }>[];
		report?: Attempt<unknown>[];
	} = {},
) {
	const filed: { filing: KioskFiling; key: string }[] = [];
	const reports: UndeliveredReport[] = [];
	const uploads: string[] = [];
	const orders = new Map<string, KioskReceipt>();
	const transport: FilingTransport = {
		async uploadPhoto(_, name) {
			uploads.push(name);
			return script.upload?.shift() ?? { kind: 'done', value: { id: `photo-${uploads.length}` } };
		},
		async file(body, key) {
			filed.push({ filing: body, key });
			const answer = script.file?.shift();
			if (answer && answer.kind !== 'done') return answer;
			const first =
				orders.get(key) ?? (answer?.kind === 'done' ? answer.value : receipt(`R${orders.size + 2}AAAAA`));
			orders.set(key, first);
			return { kind: 'done', value: first };
		},
		async reportUndelivered(report) {
			reports.push(report);
			return script.report?.shift() ?? { kind: 'done', value: null };
		},
	};
	return { transport, filed, reports, uploads, orders };
}

describe('attemptOf', () => {
	it.each<[string, Parameters<typeof attemptOf>[0], Attempt<unknown>['kind']]>([
		['a success', { ok: true, value: 1 }, 'done'],
		['no answer', { ok: false, failure: { kind: 'unreachable' } }, 'unreachable'],
		['a 422', { ok: false, failure: { kind: 'problem', problem: unprocessable } }, 'refused'],
		[
			'a 404',
			{ ok: false, failure: { kind: 'problem', problem: { status: 404, title: 'Not Found' } } },
			'refused',
		],
		[
			'a 409 (key in use)',
			{ ok: false, failure: { kind: 'problem', problem: { status: 409, title: 'Conflict' } } },
			'busy',
		],
		[
			'a 429',
			{ ok: false, failure: { kind: 'problem', problem: { status: 429, title: 'Too Many' } } },
			'busy',
		],
		[
			'a 401',
			{ ok: false, failure: { kind: 'problem', problem: { status: 401, title: 'Unauthorized' } } },
			'busy',
		],
	])('takes %s as %s', (_, result, kind) => {
		expect(attemptOf(result).kind).toBe(kind);
	});
});

describe('deliver', () => {
	it('uploads the photo first and files it with the photo’s id', async () => {
		const api = scriptedApi();
		const photo = { blob: new Blob(['jpeg']), name: 'photo.jpg' };
		const delivery = await deliver(queued('k1', { photo }), api.transport);
		expect(delivery.kind).toBe('sent');
		expect(api.uploads).toEqual(['photo.jpg']);
		expect(api.filed[0]?.filing.attachments).toEqual(['photo-1']);
	});

	it('keeps an uploaded photo’s id when the filing does not get through, and does not upload it again', async () => {
		const api = scriptedApi({ file: [{ kind: 'unreachable' }] });
		const photo = { blob: new Blob(['jpeg']), name: 'photo.jpg' };
		const first = await deliver(queued('k1', { photo }), api.transport);
		expect(first.kind).toBe('unreachable');
		if (first.kind !== 'unreachable') return;
		expect(first.entry.photo).toBeNull();
		expect(first.entry.filing.attachments).toEqual(['photo-1']);
		await deliver(first.entry, api.transport);
		expect(api.uploads).toHaveLength(1);
		expect(api.filed.map((call) => call.filing)).toEqual([first.entry.filing, first.entry.filing]);
	});

	it('files without a photo the api will not take', async () => {
		const api = scriptedApi({
			upload: [{ kind: 'refused', problem: { status: 415, title: 'Unsupported' } }],
		});
		const delivery = await deliver(
			queued('k1', { photo: { blob: new Blob(['x']), name: 'x.gif' } }),
			api.transport,
		);
		expect(delivery.kind).toBe('sent');
		expect(api.filed[0]?.filing.attachments).toBeUndefined();
	});

	it('stops before filing when the photo cannot be uploaded now', async () => {
		const api = scriptedApi({ upload: [{ kind: 'unreachable' }] });
		const delivery = await deliver(
			queued('k1', { photo: { blob: new Blob(['x']), name: 'x.jpg' } }),
			api.transport,
		);
		expect(delivery.kind).toBe('unreachable');
		expect(api.filed).toHaveLength(0);
	});
});

describe('flushOutbox', () => {
	it('sends every queued filing once, oldest first, and empties the queue', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k2'));
		await store.put(queued('k1'));
		const api = scriptedApi();
		const result = await flushOutbox(store, api.transport);
		expect(api.filed.map((call) => call.key)).toEqual(['k1', 'k2']);
		expect(result).toMatchObject({ refused: 0, pending: 0, reachable: true });
		expect(result.sent).toHaveLength(2);
		expect(await store.list()).toEqual([]);
	});

	it('stops at the first filing the api does not answer, keeps the rest, and counts the attempt', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k1'));
		await store.put(queued('k2'));
		const api = scriptedApi({ file: [{ kind: 'unreachable' }] });
		const result = await flushOutbox(store, api.transport);
		expect(result).toMatchObject({ sent: [], pending: 2, reachable: false });
		expect(api.filed).toHaveLength(1);
		expect((await store.list()).find((entry) => entry.idempotencyKey === 'k1')?.attempts).toBe(1);
	});

	it('files exactly once when an answer was lost: the retry carries the same key and body', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k1'));
		const api = scriptedApi();
		// The api filed it, but the answer never arrived: the kiosk saw no answer.
		const lost = api.transport.file;
		api.transport.file = async (body, key) => {
			await lost(body, key);
			api.transport.file = lost;
			return { kind: 'unreachable' };
		};
		expect((await flushOutbox(store, api.transport)).pending).toBe(1);
		const second = await flushOutbox(store, api.transport);
		expect(second.pending).toBe(0);
		expect(api.orders.size).toBe(1);
		expect(new Set(api.filed.map((call) => call.key))).toEqual(new Set(['k1']));
	});

	it('reports a refused filing to staff without the household’s digits, then removes it', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k1'));
		await store.put(queued('k2'));
		const api = scriptedApi({ file: [{ kind: 'refused', problem: unprocessable }] });
		const result = await flushOutbox(store, api.transport);
		expect(result).toMatchObject({ refused: 1, pending: 0, reachable: true });
		expect(result.sent).toHaveLength(1);
		expect(api.reports).toHaveLength(1);
		const [report] = api.reports;
		expect(report?.idempotencyKey).toBe('k1');
		expect(report?.filing).not.toHaveProperty('phoneLast4');
		expect(report?.filing.description).toBe('厨房水龙头漏水');
		expect(report?.problem).toEqual({
			status: 422,
			title: 'Unprocessable Content',
			detail: 'the digits do not match',
			code: 'KIOSK.VERIFICATION_FAILED',
		});
		expect(report?.queuedAt).toBe('2026-03-02T01:00:01.000Z');
		expect(await store.list()).toEqual([]);
	});

	it('keeps a refused filing until the report to staff gets through, without filing it again', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k1'));
		const api = scriptedApi({
			file: [{ kind: 'refused', problem: unprocessable }],
			report: [{ kind: 'unreachable' }],
		});
		const first = await flushOutbox(store, api.transport);
		expect(first).toMatchObject({ pending: 1, reachable: false });
		expect((await store.list())[0]?.refusal?.code).toBe('KIOSK.VERIFICATION_FAILED');
		const second = await flushOutbox(store, api.transport);
		expect(second).toMatchObject({ refused: 1, pending: 0 });
		expect(api.filed).toHaveLength(1);
		expect(api.reports).toHaveLength(2);
	});

	it('gives up on a refused filing whose report is refused too', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k1'));
		const api = scriptedApi({
			file: [{ kind: 'refused', problem: unprocessable }],
			report: [{ kind: 'refused', problem: { status: 404, title: 'Not Found' } }],
		});
		expect(await flushOutbox(store, api.transport)).toMatchObject({ pending: 0, refused: 1 });
	});

	it('keeps a filing the api turns away for now (429) and goes on with the next', async () => {
		const store = new MemoryOutboxStore();
		await store.put(queued('k1'));
		await store.put(queued('k2'));
		const api = scriptedApi({
			file: [{ kind: 'busy', problem: { status: 429, title: 'Too Many Requests' } }],
		});
		const result = await flushOutbox(store, api.transport);
		expect(result).toMatchObject({ pending: 1, reachable: true, refused: 0 });
		expect(api.reports).toEqual([]);
		expect((await store.list()).map((entry) => entry.idempotencyKey)).toEqual(['k1']);
	});
});

describe('undeliveredReport', () => {
	it('says what the api said when the problem has no detail', () => {
		expect(undeliveredReport(queued('k1'), { status: 400, title: 'Bad Request' }).problem).toEqual({
			status: 400,
			title: 'Bad Request',
			detail: 'Bad Request',
		});
	});
});
