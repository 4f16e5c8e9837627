import type { Incident } from '@estate-ops/domain/patrols';
import { describe, expect, it } from 'vitest';
import type { WireEvent } from '$lib/api/events';
import { applyIncidentEvent, byAttention, checklistProgress, isOpen, nextStepOf } from './incident-book';
import type { IncidentRecord } from './incidents-api';

const staff = '11111111-1111-4111-8111-111111111111';
const reported = (id: string, reportedAt: string): Incident => ({
	status: 'reported',
	id: id as Incident['id'],
	estateId: '22222222-2222-4222-8222-222222222222' as Incident['estateId'],
	kind: 'fire',
	description: '3栋地下车库冒烟',
	location: { description: '3栋地下车库B2' },
	occurredAt: new Date(reportedAt),
	reportedAt: new Date(reportedAt),
	reportedBy: staff as Incident['reportedBy'],
	checklist: [
		{ key: 'raise_alarm', label: { 'zh-Hans': '发出火警', en: 'Raise the alarm' }, notifies: 'control_room', completion: null },
		{ key: 'evacuate', label: { 'zh-Hans': '组织疏散', en: 'Evacuate' }, completion: null },
	],
	notifications: [],
});

const record = (incident: Incident, version: number): IncidentRecord => ({ incident, version });

const event = (incident: Incident, version: number): WireEvent => ({
	seq: version,
	estateId: incident.estateId,
	type: `incident.${incident.status}`,
	aggregateType: 'incident',
	aggregateId: incident.id,
	at: '2026-03-02T01:05:00.000Z',
	// As the outbox carries it: JSON, dates as strings.
	payload: JSON.parse(
		JSON.stringify({ type: 'incident.x', incidentId: incident.id, status: incident.status, version, incident }),
	) as unknown,
});

const responding = (incident: Incident): Incident =>
	({ ...incident, status: 'responding', respondedAt: new Date('2026-03-02T01:05:00Z'), responderId: staff }) as Incident;

const openOnly = (status: string) => status === 'reported' || status === 'responding';

describe('applyIncidentEvent', () => {
	const a = reported('a', '2026-03-02T01:00:00Z');
	const b = reported('b', '2026-03-02T00:00:00Z');

	it('puts a new incident on top', () => {
		const list = applyIncidentEvent([record(b, 1)], event(a, 1), openOnly);
		expect(list.map((entry) => entry.incident.id)).toEqual(['a', 'b']);
		expect(list[0]?.incident.reportedAt).toEqual(new Date('2026-03-02T01:00:00Z'));
	});

	it('replaces an incident with a newer version, and ignores an older one', () => {
		const list = applyIncidentEvent([record(a, 1)], event(responding(a), 2), openOnly);
		expect(list[0]).toMatchObject({ version: 2, incident: { status: 'responding' } });
		expect(applyIncidentEvent(list, event(a, 1), openOnly)).toBe(list);
	});

	it('drops an incident that no longer passes the list’s status filter', () => {
		const list = applyIncidentEvent([record(a, 1)], event(responding(a), 2), (status) => status === 'reported');
		expect(list).toEqual([]);
	});

	it('leaves the list alone for other events', () => {
		const list = [record(a, 1)];
		expect(applyIncidentEvent(list, { ...event(a, 2), type: 'patrol.checkpointVisited' }, openOnly)).toBe(list);
	});
});

describe('the lifecycle on screen', () => {
	it.each([
		['reported', 'respond', true],
		['responding', 'contain', true],
		['contained', 'close', true],
		['closed', 'review', false],
		['reviewed', null, false],
	] as const)('a %s incident’s next step is %s (open: %s)', (status, next, open) => {
		expect(nextStepOf(status)).toBe(next);
		expect(isOpen(status)).toBe(open);
	});

	it('counts the checklist’s ticked steps', () => {
		expect(checklistProgress([{ completion: null }, { completion: { outcome: 'done' } }])).toEqual({ done: 1, total: 2 });
	});

	it('lists the still-open first, newest first', () => {
		const a = record(reported('a', '2026-03-02T01:00:00Z'), 1);
		const b = record(responding(reported('b', '2026-03-02T02:00:00Z')), 2);
		const c = record(reported('c', '2026-03-02T03:00:00Z'), 1);
		expect([a, b, c].sort(byAttention).map((entry) => entry.incident.id)).toEqual(['c', 'a', 'b']);
	});
});
