import { m } from '$lib/paraglide/messages';
import type { Service } from './services';

/** The service's name and a one-line hint, in the reader's language. */
export function serviceText(service: Service): { readonly label: string; readonly hint: string } {
	switch (service) {
		case 'repair':
			return { label: m.service_repair(), hint: m.service_repair_hint() };
		case 'complaint':
			return { label: m.service_complaint(), hint: m.service_complaint_hint() };
		case 'suggestion':
			return { label: m.service_suggestion(), hint: m.service_suggestion_hint() };
		case 'booking':
			return { label: m.service_booking(), hint: m.service_booking_hint() };
		case 'follow-up':
			return { label: m.service_follow_up(), hint: m.service_follow_up_hint() };
	}
}
