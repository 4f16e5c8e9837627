import type { DomainError } from '@estate-ops/domain/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problem, type Problem } from './problem';

/**
 * The one table from the domain's stable error codes to HTTP statuses. A command the state machine refuses
 * in the order's current state is a conflict (409); a command whose content is wrong is unprocessable (422).
 * Codes not listed are conflicts.
 */
const STATUS_BY_CODE: Readonly<Record<string, ContentfulStatusCode>> = {
	'WORK_ORDER.NOT_FOUND': 404,
	'RESIDENT.NOT_FOUND': 404,
	'ROOM.NOT_FOUND': 422,
	'BUILDING.NOT_FOUND': 422,
	'STAFF.NOT_FOUND': 422,
	'WORK_ORDER.NOT_OWN_ORDER': 403,
	'WORK_ORDER.ACTOR_NOT_ALLOWED': 403,
	'WORK_ORDER.REASON_REQUIRED': 422,
	'WORK_ORDER.CATEGORY_MISMATCH': 422,
	'WORK_ORDER.AREA_REQUIRED': 422,
	'WORK_ORDER.REPORTED_AT_REQUIRED': 422,
	'WORK_ORDER.REPORTED_IN_FUTURE': 422,
	'WORK_ORDER.RESULT_REQUIRED': 422,
	'WORK_ORDER.INVALID_WORK_TIMES': 422,
	'WORK_ORDER.DUPLICATE_ATTACHMENT': 422,
	'WORK_ORDER.SAME_ASSIGNEE': 422,
	'WORK_ORDER.URGENCY_UNCHANGED': 422,
	'WORK_ORDER.VERSION_CONFLICT': 409,
	'KIOSK.VERIFICATION_FAILED': 422,
	'KIOSK.PLACE_NOT_FOUND': 422,
	'KIOSK.TOO_MANY_ATTEMPTS': 429,
	'KIOSK.INVALID_FILING': 422,
	'KIOSK.PUBLIC_TOKEN_INVALID': 422,
	'KIOSK.PUBLIC_TOKEN_TAKEN': 409,
	'KIOSK_UNDELIVERED.NOT_FOUND': 404,
	'KIOSK_UNDELIVERED.ALREADY_HANDLED': 409,
	'NOTICE.NOT_FOUND': 404,
	'NOTICE.INVALID': 422,
	'NOTICE.EXPIRES_BEFORE_PUBLISH': 422,
	'ATTACHMENT.NOT_FOUND': 422,
	'ATTACHMENT.EMPTY': 422,
	'ATTACHMENT.TOO_LARGE': 413,
	'ATTACHMENT.UNSUPPORTED_TYPE': 415,
	'ZONE.NOT_FOUND': 422,
	'PATROL_ROUTE.NOT_FOUND': 404,
	'PATROL_ROUTE.INVALID': 422,
	'PATROL_ROUTE.UNKNOWN_CHECKPOINT': 422,
	'PATROL_ROUTE.CODE_TAKEN': 409,
	'PATROL_ROUTE.VERSION_CONFLICT': 409,
	'PATROL.UNKNOWN_CHECKPOINT': 422,
	'PATROL.SCAN_IN_FUTURE': 422,
	'PATROL.SCAN_TOO_OLD': 422,
	'PATROL.NO_ROUND': 409,
	'INCIDENT.NOT_FOUND': 404,
	'INCIDENT.IN_FUTURE': 422,
	'INCIDENT.UNKNOWN_STEP': 422,
	'INCIDENT.VERSION_CONFLICT': 409,
	'CLEANING.TASK_NOT_FOUND': 404,
	'CLEANING.WINDOW_NOT_OPEN': 409,
	'CLEANING.DONE_IN_FUTURE': 422,
	'CLEANING.INVALID_CONDITION': 422,
	'CLEANING.CONDITION_IN_PAST': 422,
	'CLEANING.CONDITION_NOT_FOUND': 404,
	'CLEANING.CONDITION_ENDED': 409,
	'DUTY.SHIFT_NOT_FOUND': 404,
	'DUTY.STAFF_NOT_FOUND': 422,
	'DUTY.STAFF_NOT_IN_DEPARTMENT': 422,
	'NOTIFICATION.NOT_FOUND': 404,
	'ESTATE.NOT_FOUND': 404,
	'ESTATE.INVALID': 422,
	'ESTATE.CODE_TAKEN': 409,
	'CALENDAR.DAY_NOT_FOUND': 404,
	'CALENDAR.ICS_INVALID': 422,
};

const TITLE_BY_STATUS: Partial<Record<ContentfulStatusCode, string>> = {
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
};

export const statusOfDomainError = (code: string): ContentfulStatusCode => STATUS_BY_CODE[code] ?? 409;

export function domainProblem(error: DomainError, requestId?: string): Problem {
	const status = statusOfDomainError(error.code);
	return problem(status, TITLE_BY_STATUS[status] ?? 'Unprocessable Content', {
		detail: error.message,
		code: error.code,
		...(error.path ? { errors: [{ path: error.path.join('.'), message: error.message }] } : {}),
		...(error.details ? { details: error.details } : {}),
		...(requestId ? { requestId } : {}),
	});
}
