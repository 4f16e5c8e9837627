import { describe, expect, it } from 'vitest';
import { StaffId } from '../shared/ids';
import { decide } from './decide';
import {
	AGENT_ID,
	agent,
	command,
	HAPPY_PATH,
	kiosk,
	minutesLater,
	neighbour,
	OTHER_TECH_ID,
	orderAt,
	resident,
	RESIDENT_ID,
	run,
	submitInput,
	system,
	T0,
	TECH_ID,
	technician,
} from './work-order.fixtures';
import type { WorkOrderCommandInput } from './work-order-command';

const submit = (change: Readonly<Record<string, unknown>>, actor = kiosk) =>
	decide(null, command({ ...submitInput, ...change } as WorkOrderCommandInput), { now: T0, actor });

describe('submitting a request', () => {
	it('records the request, its timeline and the suggested urgency', () => {
		const result = submit({ description: '卫生间水管爆裂，水浸到客厅' });
		expect(result).toMatchObject({
			ok: true,
			value: {
				state: {
					status: 'submitted',
					code: 'R7KQ2MX',
					submittedAt: T0,
					urgency: 'urgent',
					suggestedUrgency: 'urgent',
					urgencyKeywords: ['水管爆裂', '水浸'],
					responsibleStaffId: null,
					version: 1,
				},
				events: [{ type: 'workOrder.submitted', at: T0, actor: kiosk }],
			},
		});
	});

	it('makes the staff member who files a request its responsible person', () => {
		const result = submit({ channel: 'front_desk' }, agent);
		expect(result).toMatchObject({ ok: true, value: { state: { responsibleStaffId: AGENT_ID } } });
	});

	it('files a resident’s request for their own household', () => {
		const result = submit({ channel: 'app', residentId: null }, resident);
		expect(result).toMatchObject({ ok: true, value: { state: { residentId: RESIDENT_ID } } });
	});

	it('keeps photos from the kiosk as attachments made at submission', () => {
		const photo = { id: 'att-1', content: { kind: 'photo', storageKey: 'uploads/a.jpg', caption: null } };
		const result = submit({ attachments: [photo] });
		expect(result).toMatchObject({
			ok: true,
			value: {
				state: { attachments: [{ id: 'att-1', addedAt: T0, addedBy: kiosk, addedDuring: 'submitted' }] },
			},
		});
	});

	it('lets the system file a rectification order', () => {
		expect(submit({ kind: 'complaint', category: 'sanitation' }, system).ok).toBe(true);
	});

	it.each([
		[
			'a category of another kind',
			{ kind: 'booking', category: 'plumbing' },
			kiosk,
			'WORK_ORDER.CATEGORY_MISMATCH',
		],
		[
			'a deep clean without its area',
			{ kind: 'booking', category: 'cleaning_deep' },
			kiosk,
			'WORK_ORDER.AREA_REQUIRED',
		],
		['a phone report without the call time', { channel: 'phone' }, agent, 'WORK_ORDER.REPORTED_AT_REQUIRED'],
		[
			'a call time after now',
			{ channel: 'phone', reportedAt: minutesLater(1) },
			agent,
			'WORK_ORDER.REPORTED_IN_FUTURE',
		],
		['a request for another household', { channel: 'app' }, neighbour, 'WORK_ORDER.NOT_OWN_ORDER'],
		[
			'two attachments with one id',
			{ attachments: [1, 2].map((n) => ({ id: 'att-1', content: { kind: 'note', text: `note ${n}` } })) },
			kiosk,
			'WORK_ORDER.DUPLICATE_ATTACHMENT',
		],
	] as const)('rejects %s', (_name, change, actor, code) => {
		expect(submit(change, actor)).toMatchObject({ ok: false, error: { code } });
	});

	it('accepts a deep clean with its area and a phone report with its call time', () => {
		expect(submit({ kind: 'booking', category: 'cleaning_deep', areaM2: 143 }).ok).toBe(true);
		const phone = submit({ channel: 'phone', reportedAt: minutesLater(-8) }, agent);
		expect(phone).toMatchObject({
			ok: true,
			value: { state: { reportedAt: minutesLater(-8), submittedAt: T0 } },
		});
	});

	it('refuses a desired time window that ends before it starts', () => {
		const window = { from: minutesLater(120), to: minutesLater(60) };
		expect(() => command({ ...submitInput, desiredWindow: window })).toThrow(/ends before it starts/);
	});

	it('cannot submit the same order twice', () => {
		const result = decide(orderAt('accepted'), command(submitInput), { now: T0, actor: kiosk });
		expect(result).toMatchObject({ ok: false, error: { code: 'WORK_ORDER.ALREADY_SUBMITTED' } });
	});

	it('cannot act on an order that does not exist', () => {
		const result = decide(null, command({ type: 'accept' }), { now: T0, actor: agent });
		expect(result).toMatchObject({ ok: false, error: { code: 'WORK_ORDER.NOT_FOUND' } });
	});
});

describe('first-contact responsibility (首问负责制)', () => {
	it('makes whoever accepts a kiosk request responsible, and keeps them to the end', () => {
		const closed = orderAt('closed', [
			[{ type: 'reopen', reason: '又漏了', assigneeId: OTHER_TECH_ID }, agent, minutesLater(200)],
		]);
		expect(orderAt('accepted').responsibleStaffId).toBe(AGENT_ID);
		expect(closed.responsibleStaffId).toBe(AGENT_ID);
	});

	it('does not pass to a second agent who accepts a staff-filed request', () => {
		const other = { kind: 'staff', staffId: StaffId.parse('st-cs-2') } as const;
		const { state } = run([
			[{ ...submitInput, channel: 'front_desk' }, other, T0],
			[{ type: 'accept' }, agent, minutesLater(3)],
		]);
		expect(state.responsibleStaffId).toBe('st-cs-2');
	});
});

describe('who may do what', () => {
	it.each([
		['a resident', resident, { type: 'accept' }, 'WORK_ORDER.ACTOR_NOT_ALLOWED'],
		['a kiosk', kiosk, { type: 'assign', assigneeId: TECH_ID }, 'WORK_ORDER.ACTOR_NOT_ALLOWED'],
		['the system', system, { type: 'cancel' }, 'WORK_ORDER.ACTOR_NOT_ALLOWED'],
		['another household', neighbour, { type: 'cancel' }, 'WORK_ORDER.NOT_OWN_ORDER'],
		[
			'staff on the resident’s behalf without a reason',
			agent,
			{ type: 'cancel' },
			'WORK_ORDER.REASON_REQUIRED',
		],
	] as const)('%s cannot do it: %j', (_name, actor, input, code) => {
		const result = decide(orderAt('submitted'), command(input), { now: minutesLater(1), actor });
		expect(result).toMatchObject({ ok: false, error: { code } });
	});

	it('lets the resident cancel their own request without giving a reason', () => {
		const result = decide(orderAt('accepted'), command({ type: 'cancel' }), {
			now: minutesLater(6),
			actor: resident,
		});
		expect(result).toMatchObject({
			ok: true,
			value: {
				state: {
					status: 'cancelled',
					cancelledAt: minutesLater(6),
					cancellation: { by: resident, reason: null },
				},
			},
		});
	});

	it('lets the resident rate the work at the kiosk', () => {
		const feedback = HAPPY_PATH.feedback[0];
		const result = decide(orderAt('resolved'), command(feedback), { now: minutesLater(90), actor: kiosk });
		expect(result).toMatchObject({ ok: true, value: { state: { status: 'feedback' } } });
	});
});

describe('rules inside the steps', () => {
	it.each([
		['reassign', 'assigned', { type: 'reassign', assigneeId: OTHER_TECH_ID, reason: '  ' }],
		['pause', 'on_site', { type: 'pause', cause: 'other', reason: '' }],
		['reopen', 'closed', { type: 'reopen', reason: ' ' }],
		['overrideUrgency', 'submitted', { type: 'overrideUrgency', urgency: 'urgent', reason: '' }],
	] as const)('%s needs a reason', (_name, stage, input) => {
		const result = decide(orderAt(stage), command(input), { now: minutesLater(300), actor: agent });
		expect(result).toMatchObject({ ok: false, error: { code: 'WORK_ORDER.REASON_REQUIRED' } });
	});

	it.each([
		[
			'reassigning to the same person',
			'assigned',
			{ type: 'reassign', assigneeId: TECH_ID, reason: '再派' },
			'WORK_ORDER.SAME_ASSIGNEE',
		],
		[
			'overriding to the same urgency',
			'accepted',
			{ type: 'overrideUrgency', urgency: 'general', reason: '核实' },
			'WORK_ORDER.URGENCY_UNCHANGED',
		],
		[
			'resolving without a result',
			'on_site',
			{ ...HAPPY_PATH.resolved[0], result: '  ' },
			'WORK_ORDER.RESULT_REQUIRED',
		],
		[
			'work that ends before it starts',
			'on_site',
			{ ...HAPPY_PATH.resolved[0], startedAt: minutesLater(50), endedAt: minutesLater(40) },
			'WORK_ORDER.INVALID_WORK_TIMES',
		],
		[
			'work that ends after now',
			'on_site',
			{ ...HAPPY_PATH.resolved[0], endedAt: minutesLater(301) },
			'WORK_ORDER.INVALID_WORK_TIMES',
		],
		[
			'an attachment already on the order',
			'on_site',
			{ type: 'addAttachment', attachment: { id: 'att-1', content: { kind: 'note', text: 'again' } } },
			'WORK_ORDER.DUPLICATE_ATTACHMENT',
		],
	] as const)('rejects %s', (_name, stage, input, code) => {
		const withNote = orderAt(stage, [
			[
				{ type: 'addAttachment', attachment: { id: 'att-1', content: { kind: 'note', text: 'n' } } },
				agent,
				minutesLater(35),
			],
		]);
		const result = decide(withNote, command(input), { now: minutesLater(300), actor: agent });
		expect(result).toMatchObject({ ok: false, error: { code } });
	});

	it('stops the contact clock at the first attempt and logs every attempt', () => {
		const state = orderAt('assigned', [
			[{ type: 'recordContact', method: 'phone', outcome: 'no_answer' }, technician, minutesLater(12)],
			[
				{ type: 'recordContact', method: 'message', outcome: 'reached', note: '约14点' },
				technician,
				minutesLater(20),
			],
		]);
		expect(state.contactedAt).toEqual(minutesLater(12));
		expect(state.contacts.map((contact) => contact.outcome)).toEqual(['no_answer', 'reached']);
	});

	it('keeps the whole timeline of a finished order', () => {
		expect(orderAt('closed')).toMatchObject({
			submittedAt: T0,
			acceptedAt: minutesLater(5),
			assignedAt: minutesLater(10),
			contactedAt: minutesLater(15),
			arrivedAt: minutesLater(30),
			resolvedAt: minutesLater(60),
			feedbackAt: minutesLater(120),
			closedAt: minutesLater(125),
			cancelledAt: null,
			version: 8,
			workRecord: { materials: [{ item: '水龙头阀芯', quantity: 1, unit: '个' }], residentSignedOff: true },
			feedback: { ratings: { speed: 5, result: 5, attitude: 5 }, satisfied: true },
		});
	});

	it('records urgency overrides with who, when and why', () => {
		const state = orderAt('accepted', [
			[{ type: 'overrideUrgency', urgency: 'important', reason: '楼道扶手松动' }, agent, minutesLater(7)],
		]);
		expect(state).toMatchObject({
			urgency: 'important',
			suggestedUrgency: 'general',
			urgencyOverrides: [
				{ at: minutesLater(7), by: agent, from: 'general', to: 'important', reason: '楼道扶手松动' },
			],
		});
	});
});

describe('pausing', () => {
	const pause = { type: 'pause', cause: 'waiting_for_parts', reason: '等阀门到货' } as const;

	it('records each pause interval with its cause and who paused and resumed it', () => {
		const state = orderAt('on_site', [
			[pause, technician, minutesLater(40)],
			[{ type: 'resume' }, agent, minutesLater(100)],
		]);
		expect(state.pauses).toEqual([
			{
				from: minutesLater(40),
				to: minutesLater(100),
				cause: 'waiting_for_parts',
				reason: '等阀门到货',
				by: technician,
				resumedBy: agent,
			},
		]);
	});

	it('closes the open pause when a paused request is cancelled', () => {
		const state = orderAt('accepted', [
			[{ ...pause, cause: 'waiting_for_resident', reason: '住户出差' }, agent, minutesLater(6)],
			[{ type: 'cancel' }, resident, minutesLater(50)],
		]);
		expect(state.pauses[0]).toMatchObject({ to: minutesLater(50), resumedBy: resident });
	});

	it('lets a paused order be handed to another technician', () => {
		const state = orderAt('contacted', [
			[pause, technician, minutesLater(16)],
			[{ type: 'reassign', assigneeId: OTHER_TECH_ID, reason: '需要电工' }, agent, minutesLater(20)],
		]);
		expect(state).toMatchObject({ status: 'assigned', assigneeId: OTHER_TECH_ID });
		expect(state.assignments.map((assignment) => [assignment.staffId, assignment.reason])).toEqual([
			[TECH_ID, null],
			[OTHER_TECH_ID, '需要电工'],
		]);
	});
});

describe('rework until satisfied (返工)', () => {
	const dissatisfied = {
		...HAPPY_PATH.feedback[0],
		ratings: { speed: 3, result: 1, attitude: 4 },
		comment: '还是滴水',
		satisfied: false,
	} as const;

	it('sends dissatisfied feedback back to the same technician', () => {
		const result = decide(orderAt('resolved'), command(dissatisfied), {
			now: minutesLater(120),
			actor: agent,
		});
		expect(result).toMatchObject({
			ok: true,
			value: {
				events: [
					{ type: 'workOrder.feedbackRecorded' },
					{ type: 'workOrder.reopened', trigger: 'dissatisfied', reason: '还是滴水' },
				],
				state: {
					status: 'assigned',
					assigneeId: TECH_ID,
					assignedAt: minutesLater(120),
					contactedAt: null,
					arrivedAt: null,
					workRecord: null,
					feedback: null,
					reopenCount: 1,
					version: 8,
				},
			},
		});
	});

	it('keeps the earlier visit, its feedback and every attachment', () => {
		const photo = {
			type: 'addAttachment',
			attachment: { id: 'att-2', content: { kind: 'photo', storageKey: 'k.jpg', caption: '完工' } },
		} as const;
		const state = orderAt('on_site', [
			[photo, technician, minutesLater(58)],
			HAPPY_PATH.resolved,
			[dissatisfied, agent, minutesLater(120)],
		]);
		expect(state.reworks).toMatchObject([
			{
				reopenedAt: minutesLater(120),
				trigger: 'dissatisfied',
				previous: {
					assigneeId: TECH_ID,
					arrivedAt: minutesLater(30),
					workRecord: { result: '更换阀芯，试水正常' },
					feedback: { satisfied: false, ratings: { result: 1 } },
					closedAt: null,
				},
			},
		]);
		expect(state.attachments.map((attachment) => attachment.id)).toEqual(['att-2']);
	});

	it('makes the technician contact the resident again before the next visit', () => {
		const state = orderAt('resolved', [[dissatisfied, agent, minutesLater(120)]]);
		const result = decide(state, command({ type: 'arrive' }), { now: minutesLater(130), actor: technician });
		expect(result).toMatchObject({ ok: false, error: { code: 'WORK_ORDER.CONTACT_NOT_RECORDED' } });
	});

	it('reopens a closed order for another technician and counts each reopen', () => {
		const state = orderAt('closed', [
			[{ type: 'reopen', reason: '三天后又坏了', assigneeId: OTHER_TECH_ID }, resident, minutesLater(4000)],
		]);
		expect(state).toMatchObject({
			status: 'assigned',
			assigneeId: OTHER_TECH_ID,
			closedAt: null,
			reopenCount: 1,
		});
		expect(state.reworks[0]).toMatchObject({
			trigger: 'requested',
			by: resident,
			previous: { closedAt: minutesLater(125) },
		});
	});
});
