import type { IncidentKind, NotifiedParty, PatrolFindingKind } from '@estate-ops/domain/patrols';
import { m } from '$lib/paraglide/messages';
import type { CleaningTaskState } from './api/cleaning-api';
import type { CheckpointState, ScanVerdict } from './api/patrol-api';
import type { FieldTab } from './field-home';
import type { FieldAction } from './my-actions';

/** The field view's enums in the reader's language; Records, so a new value fails the build. */
export const TAB_LABEL: Record<FieldTab, () => string> = {
	tasks: m.field_tab_tasks,
	patrol: m.field_tab_patrol,
	cleaning: m.field_tab_cleaning,
};

export const ACTION_LABEL: Record<FieldAction, () => string> = {
	contact: m.field_action_contact,
	arrive: m.field_action_arrive,
	resolve: m.field_action_resolve,
	pause: m.field_action_pause,
	resume: m.field_action_resume,
	photo: m.field_action_photo,
};

export const CHECKPOINT_STATE_LABEL: Record<CheckpointState, () => string> = {
	visited: m.field_checkpoint_visited,
	late: m.field_checkpoint_late,
	missed: m.field_checkpoint_missed,
	due: m.field_checkpoint_due,
	upcoming: m.field_checkpoint_upcoming,
};

export const VERDICT_LABEL: Record<ScanVerdict, () => string> = {
	visit: m.field_verdict_visit,
	late_visit: m.field_verdict_late_visit,
	repeat: m.field_verdict_repeat,
	wrong_code: m.field_verdict_wrong_code,
	unknown_checkpoint: m.field_verdict_unknown_checkpoint,
	before_window: m.field_verdict_before_window,
	after_window: m.field_verdict_after_window,
};

export const FINDING_KIND_LABEL: Record<PatrolFindingKind, () => string> = {
	hazard: m.field_finding_hazard,
	damage: m.field_finding_damage,
	security: m.field_finding_security,
	fire_safety: m.field_finding_fire_safety,
	cleanliness: m.field_finding_cleanliness,
	facility: m.field_finding_facility,
	other: m.field_finding_other,
};

export const INCIDENT_KIND_LABEL: Record<IncidentKind, () => string> = {
	theft: m.field_incident_theft,
	robbery: m.field_incident_robbery,
	fire: m.field_incident_fire,
	fight: m.field_incident_fight,
	medical: m.field_incident_medical,
	flood: m.field_incident_flood,
	suspicious_person: m.field_incident_suspicious_person,
	other: m.field_incident_other,
};

export const PARTY_LABEL: Record<NotifiedParty, () => string> = {
	police: m.field_party_police,
	fire_brigade: m.field_party_fire_brigade,
	ambulance: m.field_party_ambulance,
	control_room: m.field_party_control_room,
	security_lead: m.field_party_security_lead,
	manager: m.field_party_manager,
	engineering: m.field_party_engineering,
	utility: m.field_party_utility,
	residents: m.field_party_residents,
	family: m.field_party_family,
	other: m.field_party_other,
};

export const CLEANING_STATE_LABEL: Record<CleaningTaskState, () => string> = {
	overdue: m.field_cleaning_overdue,
	due: m.field_cleaning_due,
	upcoming: m.field_cleaning_upcoming,
	done: m.field_cleaning_done,
};

/**
 * A checklist step's label in the reader's language. Plans carry Simplified Chinese and English; a reader of
 * Traditional Chinese reads the Simplified text, which is closer to them than English.
 */
export const stepLabel = (
	label: { readonly 'zh-Hans': string; readonly en: string },
	locale: string,
): string => (locale === 'en' ? label.en : label['zh-Hans']);
