import type { CleaningCondition } from '@estate-ops/domain/cleaning';
import { m } from '$lib/paraglide/messages';
import type { TaskState, ZoneStatus } from './cleaning-api';

export function zoneStatusLabel(status: ZoneStatus): string {
	switch (status) {
		case 'done':
			return m.cl_status_done();
		case 'due':
			return m.cl_status_due();
		case 'overdue':
			return m.cl_status_overdue();
		case 'idle':
			return m.cl_status_idle();
	}
}

export function taskStateLabel(state: TaskState): string {
	switch (state) {
		case 'upcoming':
			return m.cl_task_upcoming();
		case 'due':
			return m.cl_task_due();
		case 'overdue':
			return m.cl_task_overdue();
		case 'done':
			return m.cl_task_done();
	}
}

export function conditionLabel(condition: CleaningCondition): string {
	switch (condition) {
		case 'holiday':
			return m.cl_condition_holiday();
		case 'event':
			return m.cl_condition_event();
		case 'bad_weather':
			return m.cl_condition_bad_weather();
	}
}

/** Why a round exists: the plan, or the condition that added it. */
export const reasonLabel = (reason: string): string =>
	reason === 'holiday' || reason === 'event' || reason === 'bad_weather'
		? m.cl_reason_extra({ condition: conditionLabel(reason) })
		: m.cl_reason_plan();
