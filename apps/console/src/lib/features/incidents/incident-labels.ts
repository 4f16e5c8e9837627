import type { ChecklistItem, IncidentKind, NotifiedParty } from '@estate-ops/domain/patrols';
import { m } from '$lib/paraglide/messages';
import type { IncidentStatus } from './incidents-api';

export function incidentKindLabel(kind: IncidentKind): string {
	switch (kind) {
		case 'theft':
			return m.inc_kind_theft();
		case 'robbery':
			return m.inc_kind_robbery();
		case 'fire':
			return m.inc_kind_fire();
		case 'fight':
			return m.inc_kind_fight();
		case 'medical':
			return m.inc_kind_medical();
		case 'flood':
			return m.inc_kind_flood();
		case 'suspicious_person':
			return m.inc_kind_suspicious_person();
		case 'other':
			return m.inc_kind_other();
	}
}

export function incidentStatusLabel(status: IncidentStatus): string {
	switch (status) {
		case 'reported':
			return m.inc_status_reported();
		case 'responding':
			return m.inc_status_responding();
		case 'contained':
			return m.inc_status_contained();
		case 'closed':
			return m.inc_status_closed();
		case 'reviewed':
			return m.inc_status_reviewed();
	}
}

export function partyLabel(party: NotifiedParty): string {
	switch (party) {
		case 'police':
			return m.inc_party_police();
		case 'fire_brigade':
			return m.inc_party_fire_brigade();
		case 'ambulance':
			return m.inc_party_ambulance();
		case 'control_room':
			return m.inc_party_control_room();
		case 'security_lead':
			return m.inc_party_security_lead();
		case 'manager':
			return m.inc_party_manager();
		case 'engineering':
			return m.inc_party_engineering();
		case 'utility':
			return m.inc_party_utility();
		case 'residents':
			return m.inc_party_residents();
		case 'family':
			return m.inc_party_family();
		case 'other':
			return m.inc_party_other();
	}
}

/** A plan step in the reader's language: the plans carry Chinese and English; zh-Hant reads the Chinese. */
export const stepLabel = (item: Pick<ChecklistItem, 'label'>, locale: string): string =>
	locale.startsWith('zh') ? item.label['zh-Hans'] : item.label.en;

/** A line of the incident's history. */
export function incidentEventLabel(type: string): string {
	switch (type) {
		case 'incident.reported':
			return m.inc_event_reported();
		case 'incident.responding':
			return m.inc_event_responding();
		case 'incident.stepCompleted':
			return m.inc_event_step_completed();
		case 'incident.partyNotified':
			return m.inc_event_party_notified();
		case 'incident.contained':
			return m.inc_event_contained();
		case 'incident.closed':
			return m.inc_event_closed();
		case 'incident.reviewed':
			return m.inc_event_reviewed();
		default:
			return type;
	}
}
