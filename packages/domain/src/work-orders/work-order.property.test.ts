import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../estate/actor';
import { addMinutes } from '../shared/time';
import { apply } from './apply';
import { decide } from './decide';
import type { WorkOrder } from './work-order';
import { isPaused, WorkOrder as WorkOrderSchema } from './work-order';
import {
	agent,
	command,
	HAPPY_PATH,
	kiosk,
	neighbour,
	OTHER_TECH_ID,
	orderAt,
	resident,
	submitInput,
	system,
	T0,
	TECH_ID,
	technician,
} from './work-order.fixtures';
import type { WorkOrderCommandInput } from './work-order-command';
import { WorkOrderEvent } from './work-order-event';
import { canMove } from './work-order-status';

// Resolve carries times relative to the moment it is decided, so that random runs produce valid and invalid
// work records alike.
type Spec =
	| Exclude<WorkOrderCommandInput, { type: 'resolve' }>
	| {
			readonly type: 'resolve';
			readonly endedMinutesAgo: number;
			readonly durationMinutes: number;
			readonly result: string;
	  };

type Step = {
	/** Take the next step of the happy path for the order's current status instead of `spec`. */
	readonly followPath: boolean;
	readonly spec: Spec;
	readonly actor: Actor;
	readonly gapMinutes: number;
	readonly satisfied: boolean;
};

const reasonArb = fc.constantFrom('', '  ', '等配件', '住户不在家', '又漏水了');
const assigneeArb = fc.constantFrom(TECH_ID, OTHER_TECH_ID);
const ratingArb = fc.integer({ min: 1, max: 5 });

const specArb: fc.Arbitrary<Spec> = fc.oneof(
	fc.constant<Spec>({ type: 'accept' }),
	assigneeArb.map((assigneeId): Spec => ({ type: 'assign', assigneeId })),
	fc.record({ assigneeId: assigneeArb, reason: reasonArb }).map((c): Spec => ({ type: 'reassign', ...c })),
	fc
		.record({ method: fc.constantFrom('phone', 'message'), outcome: fc.constantFrom('reached', 'no_answer') })
		.map((c): Spec => ({ type: 'recordContact', ...c })),
	fc.constant<Spec>({ type: 'arrive' }),
	fc
		.record({
			cause: fc.constantFrom('waiting_for_parts', 'waiting_for_resident', 'other'),
			reason: reasonArb,
		})
		.map((c): Spec => ({ type: 'pause', ...c })),
	fc.constant<Spec>({ type: 'resume' }),
	fc
		.record({
			endedMinutesAgo: fc.integer({ min: -3, max: 30 }),
			durationMinutes: fc.integer({ min: -3, max: 90 }),
			result: fc.constantFrom('', '更换阀芯'),
		})
		.map((c): Spec => ({ type: 'resolve', ...c })),
	fc
		.record({
			ratings: fc.record({ speed: ratingArb, result: ratingArb, attitude: ratingArb }),
			satisfied: fc.boolean(),
		})
		.map((c): Spec => ({ type: 'recordFeedback', method: 'phone', ...c })),
	fc
		.record({ reason: reasonArb, assigneeId: fc.option(assigneeArb, { nil: null }) })
		.map((c): Spec => ({ type: 'reopen', ...c })),
	fc.constant<Spec>({ type: 'close' }),
	fc.option(reasonArb, { nil: null }).map((reason): Spec => ({ type: 'cancel', reason })),
	fc
		.record({ urgency: fc.constantFrom('urgent', 'important', 'general'), reason: reasonArb })
		.map((c): Spec => ({ type: 'overrideUrgency', ...c })),
	fc
		.record({ id: fc.constantFrom('att-1', 'att-2', 'att-3'), text: fc.constantFrom('下午在家', '请先电话') })
		.map((c): Spec => ({
			type: 'addAttachment',
			attachment: { id: c.id, content: { kind: 'note', text: c.text } },
		})),
	fc.constant<Spec>(submitInput),
);

const actorArb = fc.oneof(
	{ weight: 6, arbitrary: fc.constant(agent) },
	{ weight: 3, arbitrary: fc.constant(technician) },
	{ weight: 1, arbitrary: fc.constant(resident) },
	{ weight: 1, arbitrary: fc.constant(kiosk) },
	{ weight: 1, arbitrary: fc.constant(neighbour) },
	{ weight: 1, arbitrary: fc.constant(system) },
);

const stepArb: fc.Arbitrary<Step> = fc.record({
	// Mostly along the path, so that runs get deep into the lifecycle, with random commands in between.
	followPath: fc.nat({ max: 3 }).map((n) => n > 0),
	spec: specArb,
	actor: actorArb,
	gapMinutes: fc.integer({ min: 0, max: 180 }),
	satisfied: fc.boolean(),
});

type FirstSubmission = {
	readonly channel: 'kiosk' | 'front_desk' | 'phone' | 'app';
	readonly actor: Actor;
	readonly description: string;
};

const firstSubmitArb: fc.Arbitrary<FirstSubmission> = fc.record({
	channel: fc.constantFrom('kiosk', 'front_desk', 'phone', 'app'),
	actor: fc.constantFrom(kiosk, agent, resident),
	description: fc.constantFrom('厨房水龙头关不紧', '水管爆裂', '路灯不亮', 'gas leak'),
});

/** The happy path's next command for the order as it stands. */
function nextOnPath(state: WorkOrder, satisfied: boolean): Spec {
	if (isPaused(state)) return { type: 'resume' };
	switch (state.status) {
		case 'submitted':
			return { type: 'accept' };
		case 'accepted':
			return { type: 'assign', assigneeId: TECH_ID };
		case 'assigned':
			return state.contactedAt === null ? HAPPY_PATH.contacted[0] : { type: 'arrive' };
		case 'on_site':
			return { type: 'resolve', endedMinutesAgo: 0, durationMinutes: 20, result: '已修复' };
		case 'resolved':
			return { ...HAPPY_PATH.feedback[0], satisfied };
		case 'feedback':
			return { type: 'close' };
		case 'closed':
			return { type: 'reopen', reason: '又坏了' };
		case 'cancelled':
			return { type: 'accept' };
	}
}

function toCommand(spec: Spec, now: Date): WorkOrderCommandInput {
	if (spec.type !== 'resolve') return spec;
	const endedAt = addMinutes(now, -spec.endedMinutesAgo);
	return {
		type: 'resolve',
		startedAt: addMinutes(endedAt, -spec.durationMinutes),
		endedAt,
		result: spec.result,
		residentSignedOff: true,
	};
}

const fold = (events: readonly WorkOrderEvent[], from: WorkOrder | null = null) =>
	events.reduce<WorkOrder | null>(apply, from);

type Outcome = { readonly reachedClosed: boolean; readonly accepted: number };

/** Runs random steps after a submission, checking the invariants after every accepted command. */
function runAndCheck(first: FirstSubmission, steps: readonly Step[]): Outcome {
	const submitted = decide(
		null,
		command({
			...submitInput,
			channel: first.channel,
			description: first.description,
			reportedAt: first.channel === 'phone' ? addMinutes(T0, -5) : null,
		}),
		{ now: T0, actor: first.actor },
	);
	if (!submitted.ok) throw new Error(`the first submission was rejected: ${submitted.error.code}`);
	let state = submitted.value.state;
	const allEvents: WorkOrderEvent[] = [...submitted.value.events];
	let now = T0;
	let reachedClosed = false;
	let accepted = 1;
	for (const step of steps) {
		now = addMinutes(now, step.gapMinutes);
		const spec = step.followPath ? nextOnPath(state, step.satisfied) : step.spec;
		const actor = step.followPath ? agent : step.actor;
		const result = decide(state, command(toCommand(spec, now)), { now, actor });
		if (!result.ok) {
			expect(result.error.code).toMatch(/^WORK_ORDER\.[A-Z_]+$/);
			continue;
		}
		accepted++;
		const { events, state: next } = result.value;
		// (a) every accepted command leaves a valid order …
		expect(WorkOrderSchema.safeParse(next).success).toBe(true);
		// … reached one allowed move at a time, never skipping a step.
		let walked: WorkOrder = state;
		for (const event of events) {
			expect(WorkOrderEvent.safeParse(event).success).toBe(true);
			const after = apply(walked, event);
			if (after.status !== walked.status) expect(canMove(walked.status, after.status)).toBe(true);
			walked = after;
		}
		expect(next.version).toBe(state.version + events.length);
		expect(fold(events, state)).toEqual(next);
		allEvents.push(...events);
		state = next;
		if (state.status === 'closed') reachedClosed = true;
	}
	// (c) the whole history, folded from nothing, is the order decide returned last.
	expect(fold(allEvents)).toEqual(state);
	return { reachedClosed, accepted };
}

describe('work-order properties', () => {
	it('keeps every order valid, moves only along the graph, and can be rebuilt from its events', () => {
		let closedRuns = 0;
		fc.assert(
			fc.property(firstSubmitArb, fc.array(stepArb, { minLength: 15, maxLength: 60 }), (first, steps) => {
				if (runAndCheck(first, steps).reachedClosed) closedRuns++;
			}),
			{ numRuns: 300 },
		);
		// The runs must get deep enough to mean something: some reach the end of the lifecycle.
		expect(closedRuns).toBeGreaterThan(100);
	});

	it('rejects every command on a closed order except reopen', () => {
		const closedArb = fc.constantFrom(
			orderAt('closed'),
			orderAt('closed', [
				[{ type: 'reopen', reason: '又坏了' }, agent, addMinutes(T0, 200)],
				[{ type: 'recordContact', method: 'phone', outcome: 'reached' }, technician, addMinutes(T0, 210)],
				[{ type: 'arrive' }, technician, addMinutes(T0, 220)],
				[HAPPY_PATH.resolved[0], technician, addMinutes(T0, 260)],
				[HAPPY_PATH.feedback[0], agent, addMinutes(T0, 300)],
				[{ type: 'close' }, agent, addMinutes(T0, 301)],
			]),
		);
		fc.assert(
			fc.property(closedArb, specArb, actorArb, (closed, spec, actor) => {
				const now = addMinutes(T0, 1000);
				const result = decide(closed, command(toCommand(spec, now)), { now, actor });
				if (spec.type !== 'reopen') {
					expect(result.ok).toBe(false);
				} else {
					const byStaff = decide(closed, command({ ...spec, reason: '复查不合格' }), { now, actor: agent });
					expect(byStaff).toMatchObject({ ok: true, value: { state: { status: 'assigned' } } });
				}
			}),
			{ numRuns: 300 },
		);
	});
});
