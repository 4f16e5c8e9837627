// Shared set-up for the work-order tests: an order walked to any step of its lifecycle.
import type { Actor } from '../estate/actor';
import { ResidentId, StaffId } from '../shared/ids';
import { addMinutes } from '../shared/time';
import { decide } from './decide';
import type { WorkOrder } from './work-order';
import type { WorkOrderCommandInput } from './work-order-command';
import { WorkOrderCommand } from './work-order-command';
import type { WorkOrderEvent } from './work-order-event';

export const T0 = new Date('2026-03-02T09:00:00+08:00');
export const minutesLater = (minutes: number): Date => addMinutes(T0, minutes);

export const AGENT_ID = StaffId.parse('st-cs-1');
export const TECH_ID = StaffId.parse('st-tech-1');
export const OTHER_TECH_ID = StaffId.parse('st-tech-2');
export const RESIDENT_ID = ResidentId.parse('res-1');

export const agent: Actor = { kind: 'staff', staffId: AGENT_ID };
export const technician: Actor = { kind: 'field', deviceId: 'phone-1', staffId: TECH_ID };
export const resident: Actor = { kind: 'resident', residentId: RESIDENT_ID };
export const neighbour: Actor = { kind: 'resident', residentId: ResidentId.parse('res-2') };
export const kiosk: Actor = { kind: 'kiosk', deviceId: 'kiosk-lobby-3' };
export const system: Actor = { kind: 'system' };

export const submitInput = {
	type: 'submit',
	id: 'wo-1',
	estateId: 'est-1',
	code: 'R7KQ2MX',
	kind: 'repair',
	category: 'plumbing',
	channel: 'kiosk',
	description: '厨房水龙头关不紧',
	location: { kind: 'room', roomId: 'r-1202', buildingId: 'b-3' },
	residentId: 'res-1',
	contact: { name: '王芳', phone: '13812345678' },
} satisfies WorkOrderCommandInput;

export const command = (input: WorkOrderCommandInput): WorkOrderCommand => WorkOrderCommand.parse(input);

export type Step = readonly [WorkOrderCommandInput, Actor, Date];

/** The steps of a repair that goes well, one per lifecycle stage, minutes apart. */
export const HAPPY_PATH = {
	submitted: [submitInput, kiosk, T0],
	accepted: [{ type: 'accept' }, agent, minutesLater(5)],
	assigned: [{ type: 'assign', assigneeId: TECH_ID }, agent, minutesLater(10)],
	contacted: [{ type: 'recordContact', method: 'phone', outcome: 'reached' }, technician, minutesLater(15)],
	on_site: [{ type: 'arrive' }, technician, minutesLater(30)],
	resolved: [
		{
			type: 'resolve',
			startedAt: minutesLater(31),
			endedAt: minutesLater(59),
			materials: [{ item: '水龙头阀芯', quantity: 1, unit: '个' }],
			result: '更换阀芯，试水正常',
			residentSignedOff: true,
		},
		technician,
		minutesLater(60),
	],
	feedback: [
		{
			type: 'recordFeedback',
			method: 'phone',
			ratings: { speed: 5, result: 5, attitude: 5 },
			comment: '很满意',
			satisfied: true,
		},
		agent,
		minutesLater(120),
	],
	closed: [{ type: 'close' }, agent, minutesLater(125)],
} satisfies Record<string, Step>;

export type Stage = keyof typeof HAPPY_PATH;
const STAGES = Object.keys(HAPPY_PATH) as Stage[];

export type Run = { readonly state: WorkOrder; readonly events: readonly WorkOrderEvent[] };

/** Runs steps from `state`, failing loudly on any rejection: these are set-ups, not the behaviour under test. */
export function run(steps: readonly Step[], state: WorkOrder | null = null): Run {
	let current = state;
	const events: WorkOrderEvent[] = [];
	for (const [input, actor, now] of steps) {
		const result = decide(current, command(input), { now, actor });
		if (!result.ok) throw new Error(`${input.type} was rejected: ${result.error.code}`);
		current = result.value.state;
		events.push(...result.value.events);
	}
	if (current === null) throw new Error('no steps were run');
	return { state: current, events };
}

/** An order walked along the happy path up to and including `stage`, then through `then`. */
export function orderAt(stage: Stage, then: readonly Step[] = []): WorkOrder {
	const upTo = STAGES.slice(0, STAGES.indexOf(stage) + 1).map((name) => HAPPY_PATH[name]);
	return run([...upTo, ...then]).state;
}
