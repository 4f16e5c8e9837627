import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createEventBus, EVENTS_CHANNEL, type OutboxEvent } from '../db/repositories/event.repository';
import { events } from '../db/schema/outbox';
import { openTestDatabase } from '../../test/database';
import { append, newEvent, pause, waitFor } from '../../test/realtime-harness';
import { createRelay, type Relay, type RelayDeps } from './relay';

describe('the outbox relay', () => {
	let handle: DatabaseHandle;
	let relay: Relay | undefined;
	let clock: Date;
	const estate = randomUUID();

	beforeEach(async () => {
		handle = await openTestDatabase();
		clock = new Date('2026-03-01T08:00:00Z');
	});

	afterEach(async () => {
		await relay?.stop();
		relay = undefined;
		await handle.close();
	});

	const startRelay = async (overrides: Partial<RelayDeps> = {}) => {
		const emitted: OutboxEvent[] = [];
		const warnings: string[] = [];
		relay = createRelay({
			db: handle.db,
			bus: createEventBus(handle.db),
			emit: (event) => emitted.push(event),
			now: () => clock,
			logger: {
				warn: (_details, message) => void warnings.push(message),
				error: (_details, message) => void warnings.push(message),
			},
			pollMs: 100,
			graceMs: 3_000,
			...overrides,
		});
		await relay.start();
		return { emitted, warnings };
	};

	/** Takes a seq the way a transaction's insert does, without (yet) committing a row for it. */
	const takeSeq = async (): Promise<number> => {
		const result: unknown = await handle.db.execute(
			sql`select nextval(pg_get_serial_sequence('events', 'seq'))::int as seq`,
		);
		const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { seq: number }[];
		return rows[0]?.seq ?? Number.NaN;
	};

	/** The late commit of a seq taken earlier. */
	const commitLate = async (seq: number, type: string) => {
		await handle.db.transaction(async (tx) => {
			await tx.insert(events).values({ ...newEvent(estate, type), seq });
			await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${String(seq)})`);
		});
	};

	it('starts after the events already committed and relays new ones once each, in seq order', async () => {
		await append(handle.db, newEvent(estate, 'before.start'));
		const { emitted } = await startRelay();
		const appended = (
			await Promise.all(
				Array.from({ length: 20 }, (_, index) => append(handle.db, newEvent(estate, `concurrent.${index}`))),
			)
		).flat();
		const expected = appended.map((event) => event.seq).sort((a, b) => a - b);
		await waitFor(() => emitted.length >= 20, 'twenty events');
		await pause(250);
		expect(emitted.map((event) => event.seq)).toEqual(expected);
		expect(emitted.some((event) => event.type === 'before.start')).toBe(false);
		expect(relay?.deliveredThrough()).toBe(expected.at(-1));
	});

	it('finds committed events by polling when no notification arrives', async () => {
		const { emitted } = await startRelay({ bus: { subscribe: async () => async () => undefined } });
		const [event] = await append(handle.db, newEvent(estate, 'unannounced'));
		await waitFor(() => emitted.length === 1, 'the polled event');
		expect(emitted[0]?.seq).toBe(event?.seq);
	});

	it('holds back at a seq gap while a transaction may still commit it, then relays the late event first', async () => {
		const { emitted } = await startRelay({ transactionsInFlight: async () => true });
		const late = await takeSeq();
		const [next] = await append(handle.db, newEvent(estate, 'committed.after.gap'));
		await pause(400);
		expect(emitted).toEqual([]);

		await commitLate(late, 'committed.late');
		await waitFor(() => emitted.length === 2, 'both events');
		expect(emitted.map((event) => [event.seq, event.type])).toEqual([
			[late, 'committed.late'],
			[next?.seq, 'committed.after.gap'],
		]);
	});

	it('moves past a gap at once when no transaction that could fill it is running (a rollback)', async () => {
		const { emitted, warnings } = await startRelay();
		await expect(
			handle.db.transaction(async (tx) => {
				await tx.insert(events).values(newEvent(estate, 'rolled.back'));
				throw new Error('rollback');
			}),
		).rejects.toThrow('rollback');
		const [next] = await append(handle.db, newEvent(estate, 'after.rollback'));
		await waitFor(() => emitted.length === 1, 'the event after the rollback');
		expect(emitted.map((event) => event.seq)).toEqual([next?.seq]);
		expect(warnings).toEqual([]);
	});

	it('moves past a gap after the grace period even if some transaction is still running, and says so', async () => {
		const { emitted, warnings } = await startRelay({
			transactionsInFlight: async () => true,
			graceMs: 3_000,
		});
		await takeSeq();
		const [next] = await append(handle.db, newEvent(estate, 'after.stuck.gap'));
		await pause(300);
		expect(emitted).toEqual([]);

		clock = new Date(clock.getTime() + 3_000);
		await waitFor(() => emitted.length === 1, 'the event after the grace period');
		expect(emitted[0]?.seq).toBe(next?.seq);
		expect(warnings).toEqual(['outbox seq gap outlived the grace period; relaying past it']);
	});

	it('stops reading and emitting once stopped', async () => {
		const { emitted } = await startRelay();
		await relay?.stop();
		await append(handle.db, newEvent(estate, 'after.stop'));
		await pause(300);
		expect(emitted).toEqual([]);
	});
});
