import type {
	ContactMethod,
	PauseCause,
	UrgencyClass,
	WorkOrderCategory,
	WorkOrderChannel,
	WorkOrderKind,
	WorkOrderStatus,
} from '@estate-ops/domain/work-orders';
import type { SlaState } from '$lib/api/work-orders';
import { m } from '$lib/paraglide/messages';

/** Every enum of the work-order domain in the reader's language; a Record so a new value fails the build. */
const STATUS: Record<WorkOrderStatus, () => string> = {
	submitted: m.status_submitted,
	accepted: m.status_accepted,
	assigned: m.status_assigned,
	on_site: m.status_on_site,
	resolved: m.status_resolved,
	feedback: m.status_feedback,
	closed: m.status_closed,
	cancelled: m.status_cancelled,
};
const URGENCY: Record<UrgencyClass, () => string> = {
	urgent: m.urgency_urgent,
	important: m.urgency_important,
	general: m.urgency_general,
};
const KIND: Record<WorkOrderKind, () => string> = {
	repair: m.kind_repair,
	complaint: m.kind_complaint,
	suggestion: m.kind_suggestion,
	inquiry: m.kind_inquiry,
	booking: m.kind_booking,
};
const SLA: Record<SlaState, () => string> = {
	on_track: m.sla_on_track,
	at_risk: m.sla_at_risk,
	breached: m.sla_breached,
	paused: m.sla_paused,
};
const CLOCK_STATE: Record<string, () => string> = {
	...SLA,
	met: m.sla_met,
	missed: m.sla_missed,
	pending: m.sla_pending,
};
const CLOCK: Record<string, () => string> = {
	phone_entry: m.clock_phone_entry,
	accept: m.clock_accept,
	dispatch: m.clock_dispatch,
	contact: m.clock_contact,
	on_site: m.clock_on_site,
	resolve: m.clock_resolve,
	feedback: m.clock_feedback,
};
const CATEGORY: Record<WorkOrderCategory, () => string> = {
	plumbing: m.category_plumbing,
	electrical: m.category_electrical,
	carpentry: m.category_carpentry,
	doors_locks: m.category_doors_locks,
	appliances: m.category_appliances,
	public_facilities: m.category_public_facilities,
	cleaning_daily: m.category_cleaning_daily,
	cleaning_deep: m.category_cleaning_deep,
	greening: m.category_greening,
	parking_space: m.category_parking_space,
	home_visit: m.category_home_visit,
	service: m.category_service,
	noise: m.category_noise,
	sanitation: m.category_sanitation,
	security: m.category_security,
	parking: m.category_parking,
	facilities: m.category_facilities,
	environment: m.category_environment,
	renovation: m.category_renovation,
	pets: m.category_pets,
	fees: m.category_fees,
	other: m.category_other,
};
const CHANNEL: Record<WorkOrderChannel, () => string> = {
	kiosk: m.channel_kiosk,
	front_desk: m.channel_front_desk,
	phone: m.channel_phone,
	walk_in: m.channel_walk_in,
	wechat: m.channel_wechat,
	app: m.channel_app,
	field: m.channel_field,
	console: m.channel_console,
};
const METHOD: Record<ContactMethod, () => string> = {
	phone: m.method_phone,
	in_person: m.method_in_person,
	message: m.method_message,
	kiosk: m.method_kiosk,
	app: m.method_app,
};
const CAUSE: Record<PauseCause, () => string> = {
	waiting_for_parts: m.cause_waiting_for_parts,
	waiting_for_resident: m.cause_waiting_for_resident,
	other: m.cause_other,
};

export const statusLabel = (status: WorkOrderStatus): string => STATUS[status]();
export const urgencyLabel = (urgency: UrgencyClass): string => URGENCY[urgency]();
export const kindLabel = (kind: WorkOrderKind): string => KIND[kind]();
export const slaLabel = (state: SlaState | null): string => (state ? SLA[state]() : m.sla_none());
export const clockLabel = (clock: string): string => CLOCK[clock]?.() ?? clock;
export const clockStateLabel = (state: string): string => CLOCK_STATE[state]?.() ?? state;
export const categoryLabel = (category: WorkOrderCategory): string => CATEGORY[category]();
export const channelLabel = (channel: WorkOrderChannel): string => CHANNEL[channel]();
export const methodLabel = (method: ContactMethod): string => METHOD[method]();
export const causeLabel = (cause: PauseCause): string => CAUSE[cause]();
