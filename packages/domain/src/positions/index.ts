export {
	Datum,
	MAX_FIXES_PER_REPORT,
	PositionFixReport,
	PositionReport,
	type FieldFix,
} from './position-report';
export {
	MAX_FUTURE_SKEW_MS,
	takeInFixes,
	type FixIntake,
	type FixIntakeOptions,
	type RefusedFix,
} from './fix-intake';
export {
	FieldRole,
	fieldRoleOf,
	fieldPresence,
	becameStaleBetween,
	staleWindow,
	type FieldPresence,
} from './field-presence';
export { GUARD_POSITIONS_EVENT, FramePosition, PositionFrame, mergeFramePosition } from './position-frame';
export {
	FieldAlertKind,
	FieldAlertStatus,
	FieldAlert,
	raiseSos,
	decideFieldAlert,
	type FieldAlertEvent,
	type FieldAlertDecision,
	type FieldAlertCommand,
	type FieldAlertErrorCode,
	type RaiseSos,
} from './field-alert';
export { STALE_AFTER_MS } from '../patrols/guard-position';
