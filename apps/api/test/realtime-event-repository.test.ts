import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './database';
import { newEvent, pause, waitFor } from './realtime-harness';
import type { DatabaseHandle } from '../src/db/database';
import {
	appendEvents,
	countEventsAfter,
	createEventBus,
	eventsAfter,
	latestSeq,
	latestSeqOfAll,
	otherTransactionsInFlight,
} from '../src/db/repositories/event.repository';

describe('the event repository', () => {
	let handle: DatabaseHandle;
	const estate = randomUUID();
	const other = randomUUID();

	beforeAll(async () => {
		handle = await openTestDatabase();
	});

	afterAll(async () => {
		await handle.close();
	});

	it('appends events in a transaction and returns them with increasing seqs', async () => {
		const appended = await handle.db.transaction((tx) =>
			appendEvents(tx, [newEvent(estate, 'first'), newEvent(other, 'elsewhere'), newEvent(estate, 'second')]),
		);
		expect(appended.map((event) => event.type)).toEqual(['first', 'elsewhere', 'second']);
		expect(appended[1]!.seq).toBe(appended[0]!.seq + 1);
		expect(appended[2]!.seq).toBe(appended[1]!.seq + 1);
		expect(appended[0]?.at).toEqual(new Date('2026-03-01T08:00:00Z'));
		expect(await handle.db.transaction((tx) => appendEvents(tx, []))).toEqual([]);
	});

	it("reads one estate's events after a seq, in seq order, with its latest seq and a capped count", async () => {
		const all = await eventsAfter(handle.db, { estateId: estate, after: 0, limit: 100 });
		expect(all.map((event) => event.type)).toEqual(['first', 'second']);
		expect(await eventsAfter(handle.db, { estateId: estate, after: all[0]!.seq, limit: 100 })).toEqual([
			all[1],
		]);
		expect(
			await eventsAfter(handle.db, { estateId: estate, after: 0, limit: 100, atMost: all[0]!.seq }),
		).toEqual([all[0]]);
		expect(await latestSeq(handle.db, estate)).toBe(all[1]!.seq);
		expect(await latestSeq(handle.db, estate, { atMost: all[1]!.seq - 1 })).toBe(all[0]!.seq);
		expect(await latestSeq(handle.db, randomUUID())).toBe(0);
		expect(await latestSeqOfAll(handle.db)).toBe(all[1]!.seq);
		expect(await countEventsAfter(handle.db, { estateId: estate, after: 0, cap: 10 })).toBe(2);
		expect(await countEventsAfter(handle.db, { estateId: estate, after: 0, cap: 1 })).toBe(1);
	});

	it('notifies subscribers of a committed transaction once, and never of a rolled-back one', async () => {
		const heard: (number | null)[] = [];
		const unsubscribe = await createEventBus(handle.db).subscribe((seq) => heard.push(seq));
		try {
			await expect(
				handle.db.transaction(async (tx) => {
					await appendEvents(tx, [newEvent(estate, 'rolled.back')]);
					throw new Error('rollback');
				}),
			).rejects.toThrow('rollback');
			const committed = await handle.db.transaction((tx) =>
				appendEvents(tx, [newEvent(estate, 'a'), newEvent(estate, 'b')]),
			);
			await waitFor(() => heard.length > 0, 'the notification');
			await pause(100);
			expect(heard).toEqual([committed[1]?.seq]);
		} finally {
			await unsubscribe();
		}
	});

	it('sees no other transaction in flight on an idle database', async () => {
		expect(await otherTransactionsInFlight(handle.db)).toBe(false);
	});
});
