import type { ApiResult, Problem } from '$lib/api/http';
import type { UndeliveredReport } from '$lib/api/kiosk-api';
import type { KioskFiling, KioskReceipt } from '$lib/api/wire';

/**
 * A filing waiting to be delivered. It holds only what sending needs: the filing (with the household's
 * room and 4 digits, which the api checks), its idempotency key, and a photo not yet uploaded. It is
 * removed as soon as it is delivered, or refused and reported to staff.
 */
export type QueuedFiling = {
	readonly idempotencyKey: string;
	readonly filing: KioskFiling;
	/** A photo still to upload; once uploaded its id is in `filing.attachments` and this is null. */
	readonly photo: { readonly blob: Blob; readonly name: string } | null;
	/** ISO 8601; filings are delivered in the order they were made. */
	readonly queuedAt: string;
	readonly attempts: number;
	/** The api refused it: only the report to staff is left to send. */
	readonly refusal: UndeliveredReport['problem'] | null;
};

/** Where queued filings wait: IndexedDB in the browser, memory in tests. */
export interface OutboxStore {
	list(): Promise<QueuedFiling[]>;
	put(entry: QueuedFiling): Promise<void>;
	remove(idempotencyKey: string): Promise<void>;
}

/**
 * How one call went: done; refused for good (a 4xx about the request itself); busy (a 4xx that passes:
 * the key in use, too many tries, the kiosk's pairing); or unreachable (no answer, a timeout, a 5xx).
 */
export type Attempt<T> =
	| { readonly kind: 'done'; readonly value: T }
	| { readonly kind: 'refused'; readonly problem: Problem }
	| { readonly kind: 'busy'; readonly problem: Problem }
	| { readonly kind: 'unreachable' };

/** 4xx answers that say "not now" rather than "never": trying again later can succeed. */
const PASSING_STATUSES: readonly number[] = [401, 403, 408, 409, 425, 429];

export function attemptOf<T>(result: ApiResult<T>): Attempt<T> {
	if (result.ok) return { kind: 'done', value: result.value };
	const { failure } = result;
	switch (failure.kind) {
		case 'unreachable':
			return { kind: 'unreachable' };
		case 'invalid':
			// An answer this kiosk cannot read (an api of another version): trying again would get the same
			// answer, so it counts as refused and staff are told.
			return {
				kind: 'refused',
				problem: { status: 422, title: 'The kiosk could not read the api’s answer' },
			};
		case 'problem':
			return PASSING_STATUSES.includes(failure.problem.status)
				? { kind: 'busy', problem: failure.problem }
				: { kind: 'refused', problem: failure.problem };
	}
}

export interface FilingTransport {
	uploadPhoto(photo: Blob, name: string): Promise<Attempt<{ readonly id: string }>>;
	file(filing: KioskFiling, idempotencyKey: string): Promise<Attempt<KioskReceipt>>;
	reportUndelivered(report: UndeliveredReport): Promise<Attempt<unknown>>;
}

export type Delivery =
	| { readonly kind: 'sent'; readonly receipt: KioskReceipt }
	| { readonly kind: 'refused'; readonly problem: Problem; readonly entry: QueuedFiling }
	| { readonly kind: 'busy'; readonly problem: Problem; readonly entry: QueuedFiling }
	| { readonly kind: 'unreachable'; readonly entry: QueuedFiling };

/**
 * One attempt to deliver a filing: its photo first (a photo the api will not take is left out rather than
 * holding the request back), then the filing with its idempotency key, so a retry after a lost answer
 * files it once. The entry returned carries what was done (an uploaded photo's id), to be kept for the
 * next attempt: the same key must always come with the same body.
 */
export async function deliver(entry: QueuedFiling, transport: FilingTransport): Promise<Delivery> {
	let current = entry;
	if (current.photo !== null) {
		const upload = await transport.uploadPhoto(current.photo.blob, current.photo.name);
		switch (upload.kind) {
			case 'unreachable':
				return { kind: 'unreachable', entry: current };
			case 'busy':
				return { kind: 'busy', problem: upload.problem, entry: current };
			case 'refused':
				current = { ...current, photo: null };
				break;
			case 'done':
				current = {
					...current,
					photo: null,
					filing: {
						...current.filing,
						attachments: [...(current.filing.attachments ?? []), upload.value.id],
					},
				};
				break;
		}
	}
	const filed = await transport.file(current.filing, current.idempotencyKey);
	switch (filed.kind) {
		case 'done':
			return { kind: 'sent', receipt: filed.value };
		case 'refused':
			return { kind: 'refused', problem: filed.problem, entry: current };
		case 'busy':
			return { kind: 'busy', problem: filed.problem, entry: current };
		case 'unreachable':
			return { kind: 'unreachable', entry: current };
	}
}

/** What staff are told about a filing the api refused: everything but the household's digits. */
export function undeliveredReport(entry: QueuedFiling, problem: Problem): UndeliveredReport {
	const { phoneLast4: _, ...filing } = entry.filing;
	const detail = problem.detail ?? problem.errors?.map((error) => error.message).join('; ') ?? problem.title;
	return {
		idempotencyKey: entry.idempotencyKey,
		filing,
		// Within what the api keeps of a report.
		problem: {
			status: problem.status,
			title: problem.title.slice(0, 200),
			detail: detail.slice(0, 2000),
			...(problem.code === undefined ? {} : { code: problem.code.slice(0, 100) }),
		},
		queuedAt: entry.queuedAt,
	};
}

export type FlushResult = {
	readonly sent: readonly KioskReceipt[];
	/** Filings refused and handed to staff. */
	readonly refused: number;
	/** Still waiting. */
	readonly pending: number;
	/** Whether the api answered at all; when not, the flush stopped early. */
	readonly reachable: boolean;
};

/**
 * Sends every queued filing, oldest first, until the api stops answering. Delivered filings are removed;
 * refused ones are reported to staff (`POST /kiosk/undelivered`) and then removed, so a request the api
 * will never take is not retried forever; the rest stay, with what was done so far, for the next flush.
 */
export async function flushOutbox(store: OutboxStore, transport: FilingTransport): Promise<FlushResult> {
	const queue = (await store.list()).toSorted((a, b) => a.queuedAt.localeCompare(b.queuedAt));
	const sent: KioskReceipt[] = [];
	let refused = 0;
	let reachable = true;
	let index = 0;
	for (; index < queue.length; index++) {
		let entry = queue[index] as QueuedFiling;
		if (entry.refusal === null) {
			const delivery = await deliver(entry, transport);
			if (delivery.kind === 'sent') {
				await store.remove(entry.idempotencyKey);
				sent.push(delivery.receipt);
				continue;
			}
			entry = { ...delivery.entry, attempts: entry.attempts + 1 };
			if (delivery.kind === 'refused') {
				entry = { ...entry, refusal: undeliveredReport(entry, delivery.problem).problem };
			}
			await store.put(entry);
			if (delivery.kind === 'unreachable') {
				reachable = false;
				break;
			}
			if (delivery.kind === 'busy') continue;
		}
		const refusal = entry.refusal;
		if (refusal === null) continue;
		const report = await transport.reportUndelivered(undeliveredReport(entry, refusal));
		if (report.kind === 'unreachable') {
			reachable = false;
			break;
		}
		if (report.kind === 'busy') continue;
		// Reported, or the report itself refused: either way there is nothing more the kiosk can do.
		await store.remove(entry.idempotencyKey);
		refused++;
	}
	return { sent, refused, pending: (await store.list()).length, reachable };
}

/** An outbox store in memory, for tests and for a browser without IndexedDB (nothing survives a reload). */
export class MemoryOutboxStore implements OutboxStore {
	readonly #entries = new Map<string, QueuedFiling>();

	async list(): Promise<QueuedFiling[]> {
		return [...this.#entries.values()];
	}

	async put(entry: QueuedFiling): Promise<void> {
		this.#entries.set(entry.idempotencyKey, entry);
	}

	async remove(idempotencyKey: string): Promise<void> {
		this.#entries.delete(idempotencyKey);
	}
}
