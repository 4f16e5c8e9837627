export { LngLat, LinearRing, Polygon, haversineMetres, pointInPolygon } from './geo';
export {
	RouteCheckpoint,
	PatrolPeriod,
	PatrolRoute,
	periodSpan,
	expectedMinutes,
	type PeriodName,
} from './patrol-route';
export { PatrolRoundId, RoundCheckpoint, PatrolRound, roundIdFor, generateRounds } from './patrol-round';
export { ScanMethod, CheckpointScan } from './checkpoint-scan';
export {
	evaluateRound,
	type CheckpointState,
	type RoundStatus,
	type ScanVerdict,
	type ClassifiedScan,
	type CheckpointFlag,
	type CheckpointOutcome,
	type RoundEvaluation,
} from './round-evaluation';
export { PatrolAlert, patrolAlerts } from './patrol-alerts';
export { PatrolLateAlert, patrolLateAlerts } from './patrol-late-alerts';
export { PatrolFindingKind, PatrolFinding, MAX_FINDINGS_PER_SCAN } from './patrol-finding';
export { PatrolLogEntryId, RecordPatrolLogEntry, PatrolLogEntry, recordPatrolLogEntry } from './patrol-log';
export { IncidentKind, NotifiedParty, EMERGENCY_PLANS, type PlanStep } from './emergency-plan';
export {
	IncidentId,
	ChecklistItem,
	IncidentNotification,
	IncidentReview,
	Incident,
	ReportIncident,
	IncidentCommand,
	reportIncident,
	decideIncident,
	type IncidentStatus,
	type IncidentEvent,
	type IncidentDecision,
	type IncidentErrorCode,
} from './incident';
export {
	DeviceId,
	GuardFix,
	STALE_AFTER_MS,
	acceptFix,
	guardPresence,
	outsideBoundary,
	guardStatus,
	type FixDecision,
	type GuardPresence,
	type GuardStatus,
} from './guard-position';
