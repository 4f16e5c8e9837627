export { CleaningZoneKind, CleaningZone } from './cleaning-zone';
export { CleaningCondition, ConditionPeriod, conditionsOn } from './cleaning-condition';
export { CleaningFrequency, ExtraRounds, CleaningTask, CleaningPlan } from './cleaning-plan';
export { DEFAULT_CLEANING_PLANS } from './default-cleaning-plans';
export {
	CleaningTaskInstanceId,
	RoundReason,
	CleaningTaskInstance,
	cleaningTasksFor,
	type ScheduleOptions,
} from './cleaning-schedule';
export {
	CleaningCompletion,
	taskProgress,
	zoneStatus,
	zoneStatuses,
	type CleaningTaskState,
	type TaskProgress,
	type ZoneCleaningStatus,
	type ZoneStatus,
} from './zone-status';
