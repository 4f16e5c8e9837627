import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { maskContact } from './mask-contact';
import { kiosk, run, submitInput, T0 } from './work-order.fixtures';

describe('maskContact', () => {
	it('masks the phone in the order and its submitted event, and hands back the clear number', () => {
		const { state, events } = run([[submitInput, kiosk, T0]]);
		const masked = maskContact(state, events);
		expect(masked.clearPhone).toBe('13812345678');
		expect(masked.state.contact?.phone).toBe('138****5678');
		expect(JSON.stringify(masked.events)).not.toContain('13812345678');
		// The stream still folds to the stored order.
		expect(masked.events.reduce(apply, null)).toEqual(masked.state);
	});

	it('leaves an order without a contact, or already masked, as it is', () => {
		const { state, events } = run([[{ ...submitInput, contact: null }, kiosk, T0]]);
		expect(maskContact(state, events)).toEqual({ state, events, clearPhone: null });
		const masked = maskContact(state, events);
		expect(maskContact(masked.state, masked.events).clearPhone).toBeNull();
	});
});
