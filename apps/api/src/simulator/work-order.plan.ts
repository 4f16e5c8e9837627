import type { Position } from '@estate-ops/domain/estate';
import type { MaterialUsed, UrgencyClass, WorkOrderStatus } from '@estate-ops/domain/work-orders';
import type { Dice } from '../seed/random';
import {
	GENERIC_RESULTS,
	MATERIALS,
	NEGATIVE_COMMENTS,
	POSITIVE_COMMENTS,
	RESULTS,
} from '../seed/work-order-phrases';
import type { Pace } from './pace';

/**
 * Who moves a work order on next, and when, in the simulated estate: the desk (客服) accepts, assigns, calls
 * the resident back and closes; the technician (维修工) calls the resident, walks over, works and records what
 * was done. Pure: the actors feed it orders as `GET /api/v1/work-orders` shows them.
 */

/** A work order as the api shows it (the fields the simulator reads). */
export type Order = {
	readonly id: string;
	readonly code: string;
	readonly kind: string;
	readonly category: string;
	readonly status: WorkOrderStatus;
	readonly urgency: UrgencyClass;
	readonly assigneeId: string | null;
	readonly contactedAt: string | null;
	readonly submittedAt: string;
	readonly location:
		| { readonly kind: 'room'; readonly roomId: string; readonly buildingId: string }
		| { readonly kind: 'point'; readonly position: Position; readonly buildingId: string | null };
	readonly pauses: readonly { readonly to: string | null }[];
};

const isPaused = (order: Order): boolean => order.pauses.at(-1)?.to === null;

/** What the assignee does next with one of their orders. */
export type TechnicianStep = 'contact' | 'go' | 'work' | 'none';

export function technicianStepFor(order: Order): TechnicianStep {
	if (isPaused(order)) return 'none';
	if (order.status === 'assigned') return order.contactedAt === null ? 'contact' : 'go';
	if (order.status === 'on_site') return 'work';
	return 'none';
}

const URGENCY_RANK: Readonly<Record<UrgencyClass, number>> = { urgent: 0, important: 1, general: 2 };

/** The order to take up next: finish the one on site first, then the most urgent, then the oldest. */
export function nextOrderToWork(orders: readonly Order[]): Order | null {
	const workable = orders.filter((order) => technicianStepFor(order) !== 'none');
	workable.sort(
		(a, b) =>
			Number(b.status === 'on_site') - Number(a.status === 'on_site') ||
			URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
			Date.parse(a.submittedAt) - Date.parse(b.submittedAt),
	);
	return workable[0] ?? null;
}

/** What the desk does next with an order it follows. */
export type DeskStep = 'accept' | 'assign' | 'followUp' | 'close' | 'none';

export function deskStepFor(order: Order): DeskStep {
	if (isPaused(order)) return 'none';
	switch (order.status) {
		case 'submitted':
			return 'accept';
		case 'accepted':
			return 'assign';
		case 'resolved':
			return 'followUp';
		case 'feedback':
			return 'close';
		case 'assigned':
		case 'on_site':
		case 'closed':
		case 'cancelled':
			return 'none';
	}
}

/** Minutes a step waits at `SIMULATE_SPEED` 1 once it could be taken; urgent orders are taken at once. */
const DESK_MINUTES: Readonly<Record<Exclude<DeskStep, 'none'>, readonly [number, number]>> = {
	accept: [1, 4],
	assign: [1, 5],
	followUp: [10, 40],
	close: [2, 10],
};

export function deskDelayMs(step: Exclude<DeskStep, 'none'>, urgency: UrgencyClass, pace: Pace): number {
	const [min, max] = DESK_MINUTES[step];
	const hurry = urgency === 'urgent' && (step === 'accept' || step === 'assign') ? 0.2 : 1;
	return pace.between(min * 60_000 * hurry, max * 60_000 * hurry);
}

/** Minutes before the assignee calls the resident, and of work on site, at `SIMULATE_SPEED` 1. */
export function contactDelayMs(urgency: UrgencyClass, pace: Pace): number {
	return urgency === 'urgent' ? pace.between(20_000, 90_000) : pace.between(60_000, 5 * 60_000);
}

export function workDurationMs(urgency: UrgencyClass, pace: Pace): number {
	return urgency === 'urgent'
		? pace.between(20 * 60_000, 50 * 60_000)
		: pace.between(15 * 60_000, 40 * 60_000);
}

/** An assignment suggestion as `GET /api/v1/work-orders/{id}/suggestions` ranks them. */
export type Suggestion = {
	readonly staffId: string;
	readonly skillMatch: boolean | null;
};

/**
 * The technician to assign: the best-ranked one the simulator drives (so that the demo's own logins keep a
 * task list nobody else touches), or the best-ranked of all when none of them is suggested.
 */
export function pickAssignee(suggestions: readonly Suggestion[], driven: ReadonlySet<string>): string | null {
	const ours = suggestions.filter((suggestion) => driven.has(suggestion.staffId));
	const skilled = ours.find((suggestion) => suggestion.skillMatch !== false);
	return (skilled ?? ours[0] ?? suggestions[0])?.staffId ?? null;
}

/** The work record (维修记录) of a resolve command: what was done, with what, signed off or not. */
export function workRecordFor(
	order: Pick<Order, 'category' | 'location'>,
	startedAtMs: number,
	endedAtMs: number,
	dice: Dice,
): {
	readonly startedAt: string;
	readonly endedAt: string;
	readonly materials: MaterialUsed[];
	readonly result: string;
	readonly residentSignedOff: boolean;
} {
	const category = order.category as keyof typeof RESULTS;
	const materials = MATERIALS[category] ?? [];
	return {
		startedAt: new Date(startedAtMs).toISOString(),
		endedAt: new Date(endedAtMs).toISOString(),
		materials:
			materials.length > 0 && dice.chance(0.6)
				? dice.sample(materials, dice.int(1, Math.min(2, materials.length)))
				: [],
		result: dice.pick(RESULTS[category] ?? GENERIC_RESULTS),
		residentSignedOff: order.location.kind === 'room' && dice.chance(0.9),
	};
}

/** Share of follow-up calls in which the resident is not satisfied (the order goes back for rework). */
export const DISSATISFIED_SHARE = 0.05;

/** The follow-up call (回访): mostly satisfied residents with good ratings. */
export function followUpFor(dice: Dice): {
	readonly method: 'phone';
	readonly ratings: { readonly speed: number; readonly result: number; readonly attitude: number };
	readonly comment: string | null;
	readonly satisfied: boolean;
} {
	const satisfied = !dice.chance(DISSATISFIED_SHARE);
	const rating = () =>
		satisfied
			? dice.weighted([
					[5, 7],
					[4, 3],
				] as const)
			: dice.int(1, 2);
	return {
		method: 'phone',
		ratings: { speed: rating(), result: rating(), attitude: rating() },
		comment: dice.pick(satisfied ? POSITIVE_COMMENTS : NEGATIVE_COMMENTS),
		satisfied,
	};
}
