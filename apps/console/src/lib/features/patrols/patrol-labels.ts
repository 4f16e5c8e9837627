import type { PatrolFindingKind } from '@estate-ops/domain/patrols';
import { m } from '$lib/paraglide/messages';
import type { CheckpointMarkState } from './checkpoint-marks';
import type { RoundStatus, ScanVerdict } from './patrols-api';

export function checkpointStateLabel(state: CheckpointMarkState): string {
	switch (state) {
		case 'visited':
			return m.pt_state_visited();
		case 'late':
			return m.pt_state_late();
		case 'missed':
			return m.pt_state_missed();
		case 'due':
			return m.pt_state_due();
		case 'upcoming':
			return m.pt_state_upcoming();
		case 'idle':
			return m.pt_state_idle();
	}
}

export function roundStatusLabel(status: RoundStatus): string {
	switch (status) {
		case 'scheduled':
			return m.pt_round_scheduled();
		case 'in_progress':
			return m.pt_round_in_progress();
		case 'completed':
			return m.pt_round_completed();
		case 'completed_with_issues':
			return m.pt_round_with_issues();
		case 'missed':
			return m.pt_round_missed();
	}
}

export function verdictLabel(verdict: ScanVerdict): string {
	switch (verdict) {
		case 'visit':
			return m.pt_verdict_visit();
		case 'late_visit':
			return m.pt_verdict_late_visit();
		case 'repeat':
			return m.pt_verdict_repeat();
		case 'wrong_code':
			return m.pt_verdict_wrong_code();
		case 'unknown_checkpoint':
			return m.pt_verdict_unknown_checkpoint();
		case 'before_window':
			return m.pt_verdict_before_window();
		case 'after_window':
			return m.pt_verdict_after_window();
	}
}

export function findingKindLabel(kind: PatrolFindingKind): string {
	switch (kind) {
		case 'hazard':
			return m.pt_finding_hazard();
		case 'damage':
			return m.pt_finding_damage();
		case 'security':
			return m.pt_finding_security();
		case 'fire_safety':
			return m.pt_finding_fire_safety();
		case 'cleanliness':
			return m.pt_finding_cleanliness();
		case 'facility':
			return m.pt_finding_facility();
		case 'other':
			return m.pt_finding_other();
	}
}

export const periodLabel = (period: 'day' | 'night'): string =>
	period === 'day' ? m.pt_period_day() : m.pt_period_night();

/** "06:00–22:00，每 2 小时" */
export const periodText = (period: { start: string; end: string; intervalHours: number }): string =>
	m.pt_period_text({ start: period.start, end: period.end, hours: String(period.intervalHours) });

/** A patrol alert's kind, as the round's page lists them. */
export function patrolAlertLabel(type: string): string {
	switch (type) {
		case 'patrol.checkpointLate':
			return m.pt_alert_checkpoint_late();
		case 'patrol.checkpointMissed':
			return m.pt_alert_checkpoint_missed();
		case 'patrol.roundLate':
			return m.pt_alert_round_late();
		case 'patrol.roundMissed':
			return m.pt_alert_round_missed();
		default:
			return type;
	}
}

/** How a scan was made: the plate's QR code, its code typed, or its NFC tag. */
export function scanMethodLabel(method: string): string {
	switch (method) {
		case 'qr':
			return m.pt_method_qr();
		case 'typed':
			return m.pt_method_typed();
		case 'nfc':
			return m.pt_method_nfc();
		default:
			return method;
	}
}
