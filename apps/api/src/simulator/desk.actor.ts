import type { Dice } from '../seed/random';
import type { ApiClient } from './api-client';
import { isRefusal, type SimulatedActor } from './actor';
import type { Pace } from './pace';
import {
	deskDelayMs,
	deskStepFor,
	followUpFor,
	pickAssignee,
	type DeskStep,
	type Order,
	type Suggestion,
} from './work-order.plan';

/**
 * The simulated customer-service desk (客服), signed in as a demo login: it takes on the requests the
 * simulated residents file (accept), dispatches each to the technician the api suggests (assign), calls the
 * resident back once the work is done (回访) and closes the order. It follows only the simulator's own
 * requests, so the orders of the seed and of people trying the demo wait for them.
 */
export type Desk = SimulatedActor & {
	/** Follows a request the kiosk just filed, by its code. */
	follow(code: string): void;
};

export function createDesk(input: {
	readonly api: ApiClient;
	/** The technicians the simulator drives: orders go to them first. */
	readonly technicians: ReadonlySet<string>;
	readonly dice: Dice;
	readonly pace: Pace;
	readonly startMs: number;
}): Desk {
	const { api, dice, pace } = input;
	const followed = new Set<string>();
	// When each (order, step) becomes due: a person takes a minute or two to get to it.
	const dueAt = new Map<string, number>();
	let nextLookMs = input.startMs;

	const take = async (order: Order, step: Exclude<DeskStep, 'none'>): Promise<void> => {
		const run = (body: Record<string, unknown>) => api.post(`/api/v1/work-orders/${order.id}/commands`, body);
		switch (step) {
			case 'accept':
				await run({ type: 'accept' });
				return;
			case 'assign': {
				const { suggestions } = await api.get<{ suggestions: Suggestion[] }>(
					`/api/v1/work-orders/${order.id}/suggestions`,
				);
				const assigneeId = pickAssignee(suggestions, input.technicians);
				if (assigneeId !== null) await run({ type: 'assign', assigneeId });
				return;
			}
			case 'followUp':
				await run({ type: 'recordFeedback', ...followUpFor(dice) });
				return;
			case 'close':
				await run({ type: 'close' });
				followed.delete(order.code);
				return;
		}
	};

	return {
		label: 'customer service desk',
		follow(code) {
			followed.add(code);
		},
		async tick(nowMs) {
			if (followed.size === 0 || nowMs < nextLookMs) return;
			nextLookMs = nowMs + pace.between(20_000, 40_000);
			const { items } = await api.get<{ items: { order: Order }[] }>(
				'/api/v1/work-orders?status=submitted,accepted,resolved,feedback&limit=200',
			);
			const seen = new Set<string>();
			for (const { order } of items) {
				if (!followed.has(order.code)) continue;
				const step = deskStepFor(order);
				if (step === 'none') continue;
				const key = `${order.id}:${order.status}`;
				seen.add(key);
				const due = dueAt.get(key) ?? nowMs + deskDelayMs(step, order.urgency, pace);
				dueAt.set(key, due);
				if (nowMs < due) continue;
				try {
					await take(order, step);
				} catch (error) {
					// Someone at the console got there first: nothing left to do for this step.
					if (!isRefusal(error)) throw error;
				}
				dueAt.delete(key);
			}
			// Steps someone else took meanwhile are forgotten.
			for (const key of dueAt.keys()) if (!seen.has(key)) dueAt.delete(key);
		},
	};
}
