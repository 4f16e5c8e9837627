import type { WorkOrder } from '@estate-ops/domain/work-orders';

/**
 * What the assignee does with a task on the phone; each but `photo` is one lifecycle command of the api
 * (`contact` is `recordContact`), `photo` adds a picture to the order's timeline.
 */
export type FieldAction = 'contact' | 'arrive' | 'resolve' | 'pause' | 'resume' | 'photo';

const PERMISSION: Record<FieldAction, string> = {
	contact: 'workOrders.fieldUpdate',
	arrive: 'workOrders.fieldUpdate',
	resolve: 'workOrders.fieldUpdate',
	pause: 'workOrders.pause',
	resume: 'workOrders.pause',
	photo: 'workOrders.fieldUpdate',
};

/**
 * The actions that are mine on an order in its step: only the assignee's, in the order they come on site
 * (contact the resident, arrive, resolve with a work record). A paused order waits for `resume`. The domain
 * still decides; this keeps buttons that would be refused off the screen.
 */
export function myActions(order: WorkOrder, meId: string, permissions: ReadonlySet<string>): FieldAction[] {
	if (order.assigneeId !== meId) return [];
	const paused = order.pauses.some((pause) => pause.to === null);
	const steps = ((): FieldAction[] => {
		switch (order.status) {
			case 'assigned':
				if (paused) return ['resume', 'photo'];
				return order.contactedAt === null
					? ['contact', 'pause', 'photo']
					: ['arrive', 'contact', 'pause', 'photo'];
			case 'on_site':
				return paused ? ['resume', 'photo'] : ['resolve', 'pause', 'photo'];
			// Past the field's part: resolved work is followed up from the desk.
			case 'resolved':
			case 'feedback':
			case 'closed':
				return [];
		}
	})();
	return steps.filter((action) => permissions.has(PERMISSION[action]));
}

/** The one action the card shows as its big button: the next step of the work. */
export const primaryAction = (actions: readonly FieldAction[]): FieldAction | undefined =>
	actions.find((action) => action !== 'pause' && action !== 'photo');
