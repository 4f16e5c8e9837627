import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '@estate-ops/domain/work-orders';
import { myActions, primaryAction } from './my-actions';

const ME = 'me-0001';
const fieldWorker = new Set(['workOrders.readAssigned', 'workOrders.fieldUpdate', 'workOrders.pause']);

const orderIn = (status: WorkOrder['status'], extra: Partial<Record<string, unknown>> = {}) =>
	({ status, assigneeId: ME, pauses: [], contactedAt: null, ...extra }) as unknown as WorkOrder;
const paused = { pauses: [{ to: null }] };

describe('myActions', () => {
	it.each([
		['assigned', {}, ['contact', 'pause', 'photo']],
		['assigned', { contactedAt: new Date() }, ['arrive', 'contact', 'pause', 'photo']],
		['assigned', paused, ['resume', 'photo']],
		['on_site', { contactedAt: new Date() }, ['resolve', 'pause', 'photo']],
		['on_site', paused, ['resume', 'photo']],
		['resolved', {}, []],
		['feedback', {}, []],
		['closed', {}, []],
	] as const)('offers the assignee of a %s order %j: %j', (status, extra, expected) => {
		expect(myActions(orderIn(status, extra), ME, fieldWorker)).toEqual(expected);
	});

	it('offers nothing on an order assigned to someone else, or to nobody yet', () => {
		expect(myActions(orderIn('on_site', { assigneeId: 'someone-else' }), ME, fieldWorker)).toEqual([]);
		expect(myActions(orderIn('accepted', { assigneeId: null }), ME, fieldWorker)).toEqual([]);
	});

	it('leaves out pausing for someone who may not pause', () => {
		const noPause = new Set(['workOrders.readAssigned', 'workOrders.fieldUpdate']);
		expect(myActions(orderIn('on_site'), ME, noPause)).toEqual(['resolve', 'photo']);
	});

	it('makes the next step of the work the big button', () => {
		expect(primaryAction(['arrive', 'contact', 'pause', 'photo'])).toBe('arrive');
		expect(primaryAction(['resume', 'photo'])).toBe('resume');
		expect(primaryAction(['photo'])).toBeUndefined();
	});
});
