import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '@estate-ops/domain/work-orders';
import { availableActions } from './available-actions';

const everything = new Set([
	'workOrders.accept',
	'workOrders.assign',
	'workOrders.fieldUpdate',
	'workOrders.pause',
	'workOrders.feedback',
	'workOrders.close',
	'workOrders.create',
]);

const orderIn = (status: WorkOrder['status'], extra: Partial<Record<string, unknown>> = {}) =>
	({ status, pauses: [], contactedAt: null, ...extra }) as unknown as WorkOrder;

describe('availableActions', () => {
	it.each([
		['submitted', {}, ['accept', 'cancel']],
		['accepted', {}, ['assign', 'pause', 'cancel']],
		['assigned', {}, ['contact', 'reassign', 'pause']],
		['assigned', { contactedAt: new Date() }, ['contact', 'arrive', 'reassign', 'pause']],
		['on_site', {}, ['resolve', 'reassign', 'pause']],
		['on_site', { pauses: [{ to: null }] }, ['resume']],
		['resolved', {}, ['feedback', 'reopen']],
		['feedback', {}, ['close', 'reopen']],
		['closed', {}, ['reopen']],
		['cancelled', {}, []],
	] as const)('offers the next steps of a %s order %j', (status, extra, expected) => {
		expect(availableActions(orderIn(status, extra), everything)).toEqual(expected);
	});

	it('leaves out what the role may not do', () => {
		const controlRoom = new Set(['workOrders.accept', 'workOrders.assign', 'workOrders.create']);
		expect(availableActions(orderIn('on_site'), controlRoom)).toEqual(['reassign']);
	});
});
