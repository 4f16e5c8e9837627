export * from './working-calendar';
export {
	NoWorkingTimeError,
	WORKING_TIME_SEARCH_DAYS,
	addWorkingMinutes,
	endOfWorkingDay,
	isWorkingTime,
	nextWorkingStart,
	typicalWorkingDayMinutes,
	workingHoursOn,
	workingIntervalsOn,
	workingMinutesBetween,
} from './working-time';
export type { WorkingPeriod } from './working-time';
export * from './mainland-china-calendar';
export * from './sla-rules';
export * from './sla-clocks';
export * from './escalation';
export * from './ics-calendar';
