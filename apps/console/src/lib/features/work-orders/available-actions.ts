import type { WorkOrder } from '@estate-ops/domain/work-orders';

/** The forms the detail page offers; each maps to one lifecycle command of the api. */
export type ActionKind =
	| 'accept'
	| 'assign'
	| 'reassign'
	| 'contact'
	| 'arrive'
	| 'pause'
	| 'resume'
	| 'resolve'
	| 'feedback'
	| 'close'
	| 'reopen'
	| 'cancel';

const PERMISSION: Record<ActionKind, string> = {
	accept: 'workOrders.accept',
	assign: 'workOrders.assign',
	reassign: 'workOrders.assign',
	contact: 'workOrders.fieldUpdate',
	arrive: 'workOrders.fieldUpdate',
	pause: 'workOrders.pause',
	resume: 'workOrders.pause',
	resolve: 'workOrders.fieldUpdate',
	feedback: 'workOrders.feedback',
	close: 'workOrders.close',
	reopen: 'workOrders.feedback',
	cancel: 'workOrders.create',
};

/**
 * What can be done next with an order in its step, for someone with these permissions. The api and the
 * domain still decide (the assignee alone may resolve); this only keeps impossible buttons off screen.
 */
export function availableActions(order: WorkOrder, permissions: ReadonlySet<string>): ActionKind[] {
	const paused = order.pauses.some((pause) => pause.to === null);
	const pause: ActionKind[] = paused ? ['resume'] : ['pause'];
	const steps = ((): ActionKind[] => {
		switch (order.status) {
			case 'submitted':
				return ['accept', 'cancel'];
			case 'accepted':
				return paused ? ['resume', 'cancel'] : ['assign', 'pause', 'cancel'];
			case 'assigned':
				return paused
					? pause
					: [
							...(order.contactedAt === null
								? ['contact' as const]
								: ['contact' as const, 'arrive' as const]),
							'reassign',
							'pause',
						];
			case 'on_site':
				return paused ? pause : ['resolve', 'reassign', 'pause'];
			case 'resolved':
				return ['feedback', 'reopen'];
			case 'feedback':
				return ['close', 'reopen'];
			case 'closed':
				return ['reopen'];
			case 'cancelled':
				return [];
		}
	})();
	return steps.filter((action) => permissions.has(PERMISSION[action]));
}
