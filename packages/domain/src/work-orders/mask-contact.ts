import { isMaskedPhone, maskPhone } from '../estate/phone-number';
import type { WorkOrder } from './work-order';
import type { WorkOrderEvent } from './work-order-event';

/**
 * The order and its events with the contact's phone masked, and the clear number taken out: what is stored
 * in the order, its history and the event stream. Folding the masked events still gives the masked order.
 */
export function maskContact(
	state: WorkOrder,
	events: readonly WorkOrderEvent[],
): { state: WorkOrder; events: WorkOrderEvent[]; clearPhone: string | null } {
	const phone = state.contact?.phone;
	if (!state.contact || !phone || isMaskedPhone(phone))
		return { state, events: [...events], clearPhone: null };
	const masked = maskPhone(phone);
	return {
		state: { ...state, contact: { ...state.contact, phone: masked } },
		events: events.map((event) =>
			event.type === 'workOrder.submitted' && event.contact
				? { ...event, contact: { ...event.contact, phone: masked } }
				: event,
		),
		clearPhone: phone,
	};
}
