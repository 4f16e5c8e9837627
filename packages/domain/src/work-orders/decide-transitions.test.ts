import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { agent, command, minutesLater, OTHER_TECH_ID, orderAt, TECH_ID } from './work-order.fixtures';
import type { WorkOrder } from './work-order';
import type { WorkOrderCommandInput } from './work-order-command';
import type { WorkOrderStatus } from './work-order-status';

const pause = { type: 'pause', cause: 'waiting_for_parts', reason: '等阀门到货' } as const;
const NOW = minutesLater(300);

/** The order in each situation the table covers. */
const SITUATIONS = {
	submitted: () => orderAt('submitted'),
	accepted: () => orderAt('accepted'),
	assigned: () => orderAt('assigned'),
	contacted: () => orderAt('contacted'),
	on_site: () => orderAt('on_site'),
	resolved: () => orderAt('resolved'),
	feedback: () => orderAt('feedback'),
	closed: () => orderAt('closed'),
	cancelled: () => orderAt('submitted', [[{ type: 'cancel', reason: '已自行修好' }, agent, minutesLater(1)]]),
	paused_accepted: () => orderAt('accepted', [[pause, agent, minutesLater(6)]]),
	paused_on_site: () => orderAt('on_site', [[pause, agent, minutesLater(40)]]),
} satisfies Record<string, () => WorkOrder>;
type Situation = keyof typeof SITUATIONS;

const COMMANDS = {
	accept: { type: 'accept' },
	assign: { type: 'assign', assigneeId: TECH_ID },
	reassign: { type: 'reassign', assigneeId: OTHER_TECH_ID, reason: '原师傅休假' },
	recordContact: { type: 'recordContact', method: 'phone', outcome: 'reached' },
	arrive: { type: 'arrive' },
	pause,
	resume: { type: 'resume' },
	resolve: {
		type: 'resolve',
		startedAt: minutesLater(200),
		endedAt: minutesLater(250),
		result: '已修复',
		residentSignedOff: true,
	},
	recordFeedback: {
		type: 'recordFeedback',
		method: 'phone',
		ratings: { speed: 4, result: 5, attitude: 5 },
		satisfied: true,
	},
	reopen: { type: 'reopen', reason: '又漏了' },
	close: { type: 'close' },
	cancel: { type: 'cancel', reason: '住户要求取消' },
	overrideUrgency: { type: 'overrideUrgency', urgency: 'urgent', reason: '住户家中有老人' },
	addAttachment: {
		type: 'addAttachment',
		attachment: { id: 'att-9', content: { kind: 'note', text: '下午在家' } },
	},
} satisfies Record<string, WorkOrderCommandInput>;
type CommandName = keyof typeof COMMANDS;

// An expected status means accepted (and the order ends in it); a code means rejected with it.
type Outcome = WorkOrderStatus | `WORK_ORDER.${string}`;
const X = 'WORK_ORDER.INVALID_TRANSITION';
const P = 'WORK_ORDER.PAUSED';
const NP = 'WORK_ORDER.NOT_PAUSED';

// prettier-ignore
const SITUATION_ORDER: Situation[] =
	['submitted', 'accepted', 'assigned', 'contacted', 'on_site', 'resolved', 'feedback', 'closed', 'cancelled', 'paused_accepted', 'paused_on_site'];

// prettier-ignore
const TABLE: Record<CommandName, Outcome[]> = {
	//               submitted    accepted     assigned     contacted    on_site      resolved     feedback     closed       cancelled    paused_acc   paused_on_site
	accept:         ['accepted',  X,           X,           X,           X,           X,           X,           X,           X,           X,           X],
	assign:         [X,           'assigned',  X,           X,           X,           X,           X,           X,           X,           P,           X],
	reassign:       [X,           X,           'assigned',  'assigned',  'on_site',   X,           X,           X,           X,           X,           'on_site'],
	recordContact:  [X,           X,           'assigned',  'assigned',  X,           X,           X,           X,           X,           X,           X],
	arrive:         [X,           X,           'WORK_ORDER.CONTACT_NOT_RECORDED', 'on_site', X, X,     X,           X,           X,           X,           X],
	pause:          [X,           'accepted',  'assigned',  'assigned',  'on_site',   X,           X,           X,           X,           'WORK_ORDER.ALREADY_PAUSED', 'WORK_ORDER.ALREADY_PAUSED'],
	resume:         [NP,          NP,          NP,          NP,          NP,          NP,          NP,          X,           X,           'accepted',  'on_site'],
	resolve:        [X,           X,           X,           X,           'resolved',  X,           X,           X,           X,           X,           P],
	recordFeedback: [X,           X,           X,           X,           X,           'feedback',  X,           X,           X,           X,           X],
	reopen:         [X,           X,           X,           X,           X,           'assigned',  'assigned',  'assigned',  X,           X,           X],
	close:          [X,           X,           X,           X,           X,           X,           'closed',    X,           X,           X,           X],
	cancel:         ['cancelled', 'cancelled', X,           X,           X,           X,           X,           X,           X,           'cancelled', X],
	overrideUrgency:['submitted', 'accepted',  'assigned',  'assigned',  'on_site',   'resolved',  'feedback',  X,           X,           'accepted',  'on_site'],
	addAttachment:  ['submitted', 'accepted',  'assigned',  'assigned',  'on_site',   'resolved',  'feedback',  X,           X,           'accepted',  'on_site'],
};

const cases = Object.entries(TABLE).flatMap(([name, outcomes]) =>
	SITUATION_ORDER.map((situation, i) => ({
		name: name as CommandName,
		situation,
		outcome: outcomes[i] as Outcome,
	})),
);

describe('the work-order lifecycle, every command in every situation', () => {
	it('covers every situation in every row', () => {
		for (const outcomes of Object.values(TABLE)) expect(outcomes).toHaveLength(SITUATION_ORDER.length);
	});

	it.each(cases)('$name when $situation → $outcome', ({ name, situation, outcome }) => {
		const state = SITUATIONS[situation]();
		const result = decide(state, command(COMMANDS[name]), { now: NOW, actor: agent });
		if (outcome.startsWith('WORK_ORDER.')) {
			expect(result).toMatchObject({ ok: false, error: { code: outcome } });
		} else {
			expect(result).toMatchObject({
				ok: true,
				value: { state: { status: outcome, version: state.version + 1 } },
			});
		}
	});

	it('names the move it refused', () => {
		const result = decide(orderAt('submitted'), command(COMMANDS.arrive), { now: NOW, actor: agent });
		expect(result).toMatchObject({
			ok: false,
			error: {
				code: 'WORK_ORDER.INVALID_TRANSITION',
				details: { command: 'arrive', from: 'submitted', to: 'on_site' },
			},
		});
	});
});
