import { describe, expect, it } from 'vitest';
import { EstateId, StaffId } from '../shared/ids';
import { EMERGENCY_PLANS, IncidentKind } from './emergency-plan';
import type { Incident, IncidentCommand, IncidentStatus } from './incident';
import { IncidentId, ReportIncident, decideIncident, reportIncident } from './incident';

const at = (time: string): Date => new Date(`2026-03-02T${time}:00+08:00`);
const guard = StaffId.parse('guard-wang');
const lead = StaffId.parse('lead-zhao');
const manager = StaffId.parse('manager-chen');

const report = (kind: IncidentKind = 'fire', occurredAt?: Date) =>
	reportIncident(
		{
			estateId: EstateId.parse('estate-1'),
			kind,
			description: '8栋地下车库冒烟',
			location: { description: '8栋 B1 车库' },
			reportedBy: guard,
			...(occurredAt ? { occurredAt } : {}),
		},
		{ id: IncidentId.parse('inc-1'), now: at('02:10') },
	);

const reported = (kind: IncidentKind = 'fire'): Incident => {
	const result = report(kind);
	if (!result.ok) throw new Error(result.error.message);
	return result.value.incident;
};

/** Runs commands in order from a freshly reported incident, failing loudly on any rejection. */
const after = (commands: IncidentCommand[], kind: IncidentKind = 'fire'): Incident =>
	commands.reduce((incident, command, index) => {
		const result = decideIncident(incident, command, at(`02:${String(20 + index).padStart(2, '0')}`));
		if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
		return result.value.incident;
	}, reported(kind));

const completeAll = (kind: IncidentKind): IncidentCommand[] =>
	EMERGENCY_PLANS[kind].map((step, index) => ({
		type: 'completeStep',
		by: guard,
		stepKey: step.key,
		outcome: index === 0 ? 'not_applicable' : 'done',
		...(index === 0 ? { note: '已由监控中心处理' } : {}),
	}));

const respond: IncidentCommand = { type: 'respond', by: lead };
const contain: IncidentCommand = { type: 'contain', by: lead };
const close: IncidentCommand = { type: 'close', by: lead, summary: '电动车电池起火，已扑灭' };
const review: IncidentCommand = {
	type: 'review',
	by: manager,
	cause: '违规在车库充电',
	measures: '增设充电桩，禁止入户充电',
	result: '本月未再发生',
};

const inStatus = (status: IncidentStatus): Incident => {
	const path: Record<IncidentStatus, IncidentCommand[]> = {
		reported: [],
		responding: [respond],
		contained: [respond, contain],
		closed: [respond, contain, ...completeAll('fire'), close],
		reviewed: [respond, contain, ...completeAll('fire'), close, review],
	};
	return after(path[status]);
};

describe('reportIncident', () => {
	it.each(IncidentKind.options)('copies the %s emergency plan in as an open checklist', (kind) => {
		const incident = reported(kind);
		expect(incident.status).toBe('reported');
		expect(incident.checklist.map((item) => item.key)).toEqual(EMERGENCY_PLANS[kind].map((step) => step.key));
		expect(incident.checklist.every((item) => item.completion === null)).toBe(true);
	});

	it('puts calling 119 in the fire plan and calling 110 in the theft plan', () => {
		expect(EMERGENCY_PLANS.fire.find((step) => step.notifies === 'fire_brigade')?.key).toBe(
			'call_fire_brigade',
		);
		expect(EMERGENCY_PLANS.theft.find((step) => step.notifies === 'police')?.key).toBe('call_police');
	});

	it('records when it happened apart from when it was reported', () => {
		const result = report('theft', at('01:40'));
		expect(result.ok && result.value.incident).toMatchObject({
			occurredAt: at('01:40'),
			reportedAt: at('02:10'),
		});
		expect(result.ok && result.value.event.type).toBe('incident.reported');
	});

	it.each<[string, unknown, boolean]>([
		['a point on the map', { point: [121.47, 31.23] }, true],
		['a description', { description: '3栋大堂' }, true],
		['neither', {}, false],
	])('takes a location given as %s: %s', (_, location, accepted) => {
		const command = {
			estateId: 'estate-1',
			kind: 'fight',
			description: '两人争执',
			location,
			reportedBy: 'guard-wang',
		};
		expect(ReportIncident.safeParse(command).success).toBe(accepted);
	});

	it('rejects an incident said to happen after it was reported', () => {
		expect(report('theft', at('03:00'))).toMatchObject({ ok: false, error: { code: 'INCIDENT.IN_FUTURE' } });
	});
});

describe('decideIncident transitions', () => {
	it.each<[IncidentStatus, IncidentCommand, IncidentStatus]>([
		['reported', respond, 'responding'],
		['responding', contain, 'contained'],
		['closed', review, 'reviewed'],
	])('moves %s on %s to %s', (from, command, to) => {
		const result = decideIncident(inStatus(from), command, at('04:00'));
		expect(result.ok && result.value.incident.status).toBe(to);
		expect(result.ok && result.value.event).toMatchObject({ status: to, at: at('04:00'), by: command.by });
	});

	it('closes a contained incident once every plan step is done or not applicable', () => {
		const incident = after([respond, contain, ...completeAll('fire')]);
		const result = decideIncident(incident, close, at('04:00'));
		expect(result.ok && result.value.incident).toMatchObject({
			status: 'closed',
			closedAt: at('04:00'),
			closedBy: lead,
		});
	});

	it('keeps the review with the incident', () => {
		const incident = inStatus('reviewed');
		expect(incident.status === 'reviewed' && incident.review).toMatchObject({
			cause: '违规在车库充电',
			reviewedBy: manager,
		});
	});

	it.each<[IncidentStatus, IncidentCommand]>([
		['reported', contain],
		['reported', close],
		['reported', review],
		['responding', respond],
		['responding', close],
		['contained', respond],
		['contained', review],
		['closed', contain],
		['reviewed', review],
	])('rejects %s → %s', (from, command) => {
		expect(decideIncident(inStatus(from), command, at('04:00'))).toMatchObject({
			ok: false,
			error: { code: 'INCIDENT.INVALID_TRANSITION', details: { status: from, command: command.type } },
		});
	});

	it('refuses to close while plan steps are open, listing them', () => {
		const incident = after([respond, contain, ...completeAll('fire').slice(0, 6)]);
		expect(decideIncident(incident, close, at('04:00'))).toMatchObject({
			ok: false,
			error: {
				code: 'INCIDENT.CHECKLIST_INCOMPLETE',
				details: { open: ['preserve_scene', 'report_manager'] },
			},
		});
	});
});

describe('decideIncident checklist and notifications', () => {
	const callFire: IncidentCommand = {
		type: 'completeStep',
		by: guard,
		stepKey: 'call_fire_brigade',
		outcome: 'done',
	};

	it('records who completed a step and when', () => {
		const result = decideIncident(reported(), callFire, at('02:12'));
		expect(result.ok && result.value.incident.checklist[1]?.completion).toEqual({
			outcome: 'done',
			at: at('02:12'),
			by: guard,
		});
		expect(result.ok && result.value.event.type).toBe('incident.stepCompleted');
	});

	it.each<[string, Incident, IncidentCommand, string]>([
		[
			'a step the plan does not have',
			reported(),
			{ ...callFire, stepKey: 'call_ghostbusters' },
			'INCIDENT.UNKNOWN_STEP',
		],
		['a step already done', after([callFire]), callFire, 'INCIDENT.STEP_ALREADY_DONE'],
		['a step on a closed incident', inStatus('closed'), callFire, 'INCIDENT.CLOSED'],
		[
			'a notification on a reviewed incident',
			inStatus('reviewed'),
			{ type: 'recordNotification', by: guard, party: 'police' },
			'INCIDENT.CLOSED',
		],
		[
			'a notification dated in the future',
			reported(),
			{ type: 'recordNotification', by: guard, party: 'police', at: at('05:00') },
			'INCIDENT.IN_FUTURE',
		],
	])('rejects %s', (_, incident, command, code) => {
		expect(decideIncident(incident, command, at('04:00'))).toMatchObject({ ok: false, error: { code } });
	});

	it('keeps notified parties in time order, including ones recorded afterwards', () => {
		const incident = after([
			{ type: 'recordNotification', by: guard, party: 'fire_brigade' },
			{ type: 'recordNotification', by: lead, party: 'manager', at: at('02:15'), note: '电话通知' },
		]);
		expect(incident.notifications).toEqual([
			{ party: 'manager', at: at('02:15'), by: lead, note: '电话通知' },
			{ party: 'fire_brigade', at: at('02:20'), by: guard },
		]);
	});
});
