import { z } from '@hono/zod-openapi';
import {
	Department,
	DevicePrincipalKind,
	PASSWORD_MAX_LENGTH,
	Skill,
	StaffRole,
} from '@estate-ops/domain/estate';
import { PERMISSIONS } from '../../auth/permissions';
import { SESSION_COOKIE } from './session-cookie';

/*
 * Request bodies of the auth area. They are validated by the handlers with `parseJsonBody` (which answers 400
 * `REQUEST.INVALID_JSON` for a body that is not JSON, whatever its Content-Type, and 400 `REQUEST.INVALID` with
 * one error per field), not by the router: each is registered as a named component and the routes refer to it
 * by `$ref`, so it is documented in /api/openapi.json without being checked twice.
 */

export const LoginBody = z.object({
	username: z.string().trim().min(1).max(64),
	// Longer than any password the policy allows: refused before it costs an argon2 run.
	password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const ChangePasswordBody = z.object({
	currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
	// The policy itself reports a new password that is too long, beside its other rules.
	newPassword: z.string().min(1).max(1_024),
});

export const NewStaffBody = z.object({
	username: z
		.string()
		.trim()
		.toLowerCase()
		.regex(
			/^[a-z0-9][a-z0-9._-]{2,63}$/,
			'3–64 letters, digits, dots, hyphens or underscores, starting with a letter or digit',
		)
		.openapi({
			description: 'trimmed, then stored in lower case',
			pattern: '^\\s*[A-Za-z0-9][A-Za-z0-9._-]{2,63}\\s*$',
			example: 'li.plumber',
		}),
	displayName: z.string().trim().min(1).max(50),
	department: Department,
	roles: z.array(StaffRole).min(1),
	skills: z.array(Skill).default([]),
	buildingIds: z.array(z.uuid()).default([]),
});

export const NewDeviceBody = z.object({
	kind: DevicePrincipalKind,
	name: z.string().trim().min(1).max(80),
	staffId: z
		.uuid()
		.nullable()
		.default(null)
		.openapi({ description: 'the owner of a field device; null for a kiosk' }),
});

/** The component names the bodies are registered under, and the `$ref`s the routes use. */
export const BODY_COMPONENTS = {
	LoginRequest: LoginBody,
	ChangePasswordRequest: ChangePasswordBody,
	NewStaffRequest: NewStaffBody,
	NewDeviceRequest: NewDeviceBody,
} as const;

/** A JSON request body documented by reference to a registered component (the handler validates it). */
export const jsonBodyRef = (name: keyof typeof BODY_COMPONENTS, description: string) => ({
	description,
	required: true,
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
});

/* Path parameters: any text; the handlers answer 404 for one that cannot name a record. */

export const SessionIdParam = z.object({
	id: z.string().openapi({
		param: { name: 'id', in: 'path' },
		description: 'a session id as listed by GET /api/v1/auth/sessions (64 hex digits)',
	}),
});

export const UuidIdParam = z.object({
	id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'a uuid', format: 'uuid' }),
});

/* Responses. */

const EstateSummaryView = z
	.object({ id: z.string(), code: z.string(), name: z.string() })
	.openapi('EstateSummary');
const Permission = z.enum(PERMISSIONS);

export const MeView = z
	.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('staff'),
			id: z.string(),
			username: z.string(),
			name: z.string(),
			roles: z.array(StaffRole).readonly(),
			department: Department.nullable(),
			estate: EstateSummaryView,
			mustChangePassword: z.boolean(),
			permissions: z.array(Permission).readonly(),
		}),
		z.object({
			kind: z.literal('device'),
			id: z.string(),
			deviceKind: DevicePrincipalKind,
			name: z.string(),
			staffId: z.string().nullable(),
			estate: EstateSummaryView,
			permissions: z.array(Permission).readonly(),
		}),
	])
	.openapi('Me', { description: 'The caller: a signed-in staff member or a device' });

export const StaffSignedIn = z
	.object({ staff: MeView.nullable().openapi({ description: 'the staff member now signed in' }) })
	.openapi('StaffSignedIn');

export const SessionView = z
	.object({
		id: z.string(),
		createdAt: z.string().openapi({ format: 'date-time' }),
		lastSeenAt: z.string().openapi({ format: 'date-time' }),
		expiresAt: z.string().openapi({ format: 'date-time' }),
		userAgent: z.string().nullable(),
		current: z.boolean().openapi({ description: 'the session of this request' }),
	})
	.openapi('Session');

export const StaffAccountView = z
	.object({
		id: z.string(),
		estateId: z.string(),
		username: z.string(),
		displayName: z.string(),
		department: Department.nullable(),
		roles: z.array(StaffRole).readonly(),
		skills: z.array(Skill).readonly(),
		buildingIds: z.array(z.string()).readonly(),
		mustChangePassword: z.boolean(),
		active: z.boolean(),
		createdAt: z.string().openapi({ format: 'date-time' }),
	})
	.openapi('StaffAccount');

export const DeviceView = z
	.object({
		id: z.string(),
		estateId: z.string(),
		kind: DevicePrincipalKind,
		name: z.string(),
		staffId: z.string().nullable(),
		revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
		lastSeenAt: z.string().nullable().openapi({ format: 'date-time' }),
		createdAt: z.string().openapi({ format: 'date-time' }),
	})
	.openapi('Device');

/* Response headers. */

export const sessionCookieHeader = (description: string) => ({
	'Set-Cookie': {
		description,
		schema: { type: 'string' as const },
		example: `${SESSION_COOKIE}=<token>; Path=/; Expires=<date>; HttpOnly; SameSite=Lax`,
	},
});

export const noStoreHeader = {
	'Cache-Control': {
		description: 'always no-store',
		schema: { type: 'string' as const, enum: ['no-store'] },
	},
};

export const retryAfterHeader = {
	'Retry-After': {
		description: 'seconds until another attempt may succeed',
		schema: { type: 'integer' as const },
	},
};
