import { describe, expect, it } from 'vitest';
import type { Notification } from '$lib/api/notifications';
import { notificationReasons, notificationTitle } from './notification-text';

const notification = (change: Partial<Notification>): Notification => ({
	id: 'n1',
	recipientId: 's1',
	workOrderId: 'w1',
	alert: 'sla.breached',
	level: 2,
	reasons: ['department_head'],
	code: 'R7KQ2MX',
	urgency: 'general',
	clock: 'resolve',
	dueAt: null,
	deliverAt: '2026-03-09T00:30:00.000Z',
	deliveredAt: '2026-03-09T00:30:00.000Z',
	readAt: null,
	...change,
});

describe('notification text', () => {
	it.each(['sla.atRisk', 'sla.breached', 'sla.escalated'])('names the order and the clock of %s', (alert) => {
		const title = notificationTitle(notification({ alert }));
		expect(title).toContain('R7KQ2MX');
		expect(title.length).toBeGreaterThan('R7KQ2MX'.length);
	});

	it('tells the three alerts apart', () => {
		const titles = ['sla.atRisk', 'sla.breached', 'sla.escalated'].map((alert) =>
			notificationTitle(notification({ alert })),
		);
		expect(new Set(titles).size).toBe(3);
	});

	it('says every reason the person was told, and passes an unknown one through', () => {
		expect(
			notificationReasons(notification({ reasons: ['assignee', 'on_duty_lead', 'something_new'] })).split(
				', ',
			),
		).toHaveLength(3);
		expect(notificationReasons(notification({ reasons: ['something_new'] }))).toBe('something_new');
	});
});
