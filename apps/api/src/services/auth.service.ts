import {
	type Department,
	type DevicePrincipalKind,
	type Skill,
	type StaffRole,
	checkPasswordPolicy,
	generateInitialPassword,
} from '@estate-ops/domain/estate';
import { type DomainError, type Result, err, ok } from '@estate-ops/domain/shared';
import { type AddressRateLimiter, createAddressRateLimiter } from '../auth/address-rate-limiter';
import { auditActorOf } from '../auth/audit-actor';
import { type PasswordHasher, createPasswordHasher } from '../auth/password-hasher';
import { type Permission, permissionsOf } from '../auth/permissions';
import type { DevicePrincipal, Principal, StaffPrincipal } from '../auth/principal';
import { generateToken, hashToken } from '../auth/secret-token';
import type { Database, Executor } from '../db/database';
import { appendAudit } from '../db/repositories/audit.repository';
import * as devices from '../db/repositories/device.repository';
import type { DeviceRecord } from '../db/repositories/device.repository';
import * as sessions from '../db/repositories/session.repository';
import type { SessionRecord } from '../db/repositories/session.repository';
import * as staffAccounts from '../db/repositories/staff.repository';
import type { EstateSummary, StaffAccount } from '../db/repositories/staff.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Lucia's sliding sessions: 30 days, renewed to 30 again once fewer than 15 remain. */
export const SESSION_POLICY = {
	lifetimeMs: 30 * DAY_MS,
	renewWithinMs: 15 * DAY_MS,
	// `last_seen_at` is for the session list, not for security: one write a minute per session is plenty.
	lastSeenGranularityMs: 60_000,
} as const;

/** Five wrong passwords in a row lock an account for fifteen minutes. */
export const LOCKOUT_POLICY = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

const DEVICE_TOKEN_BYTES = 32;
// Tokens are lower-case base32; anything else is refused before it costs a hash or a query.
const TOKEN_SHAPE = /^[a-z2-7]{32,128}$/;

export type AuthErrorCode =
	| 'AUTH.INVALID_CREDENTIALS'
	| 'AUTH.ACCOUNT_LOCKED'
	| 'AUTH.TOO_MANY_ATTEMPTS'
	| 'AUTH.WRONG_PASSWORD'
	| 'PASSWORD.TOO_WEAK'
	| 'PASSWORD.REUSED'
	| 'STAFF.NOT_FOUND'
	| 'STAFF.USERNAME_TAKEN'
	| 'STAFF.UNKNOWN_BUILDING'
	| 'SESSION.NOT_FOUND'
	| 'DEVICE.NOT_FOUND'
	| 'DEVICE.STAFF_REQUIRED'
	| 'DEVICE.STAFF_NOT_ALLOWED';

/** Expected failures; `details.retryAfterSeconds` is set on the 429 ones, `details.failed` on a weak password. */
export type AuthError = DomainError<AuthErrorCode>;

/** Where a request came from: recorded on sessions and in the audit log. */
export type RequestOrigin = {
	readonly ip: string;
	readonly userAgent: string | null;
	readonly requestId?: string | null;
};

export type Me =
	| {
			readonly kind: 'staff';
			readonly id: string;
			readonly username: string;
			readonly name: string;
			readonly roles: readonly StaffRole[];
			readonly department: Department | null;
			readonly estate: EstateSummary;
			readonly mustChangePassword: boolean;
			readonly permissions: readonly Permission[];
	  }
	| {
			readonly kind: 'device';
			readonly id: string;
			readonly deviceKind: DevicePrincipalKind;
			readonly name: string;
			readonly staffId: string | null;
			readonly estate: EstateSummary;
			readonly permissions: readonly Permission[];
	  };

export type NewSession = { readonly token: string; readonly session: SessionRecord };

export type ValidatedSession = {
	readonly principal: StaffPrincipal;
	readonly session: SessionRecord;
	/** True when this request moved the expiry forward, so the cookie must be sent again. */
	readonly renewed: boolean;
};

export type NewStaffInput = {
	readonly username: string;
	readonly displayName: string;
	readonly department: Department;
	readonly roles: readonly StaffRole[];
	readonly skills: readonly Skill[];
	readonly buildingIds: readonly string[];
};

export type NewDeviceInput = {
	readonly kind: DevicePrincipalKind;
	readonly name: string;
	readonly staffId: string | null;
};

export type AuthServiceDeps = {
	readonly db: Database;
	readonly now: () => Date;
	readonly hasher?: PasswordHasher;
	/** Per-address limit on failed sign-ins (in memory, per instance); a default one is made with `now`. */
	readonly addressLimiter?: AddressRateLimiter;
};

export type AuthService = ReturnType<typeof createAuthService>;

const secondsUntil = (until: Date, now: Date): number =>
	Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

const randomBytes = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

export function staffPrincipalOf(account: StaffAccount, sessionId: string): StaffPrincipal {
	return {
		kind: 'staff',
		staffId: account.id,
		estateId: account.estateId,
		displayName: account.displayName,
		roles: account.roles,
		sessionId,
		mustChangePassword: account.mustChangePassword,
	};
}

/**
 * Accounts and access: signing in and out, sessions, passwords, staff accounts and device tokens. Expected
 * failures come back as `Result` errors with stable codes; `http/auth` maps them to statuses.
 */
export function createAuthService(deps: AuthServiceDeps) {
	const { db, now } = deps;
	const hasher = deps.hasher ?? createPasswordHasher();
	const addressLimiter = deps.addressLimiter ?? createAddressRateLimiter({ now });

	async function startSession(
		tx: Executor,
		staffId: string,
		origin: RequestOrigin,
		at: Date,
	): Promise<NewSession> {
		const token = generateToken();
		const session: SessionRecord = {
			id: hashToken(token),
			staffId,
			createdAt: at,
			lastSeenAt: at,
			expiresAt: new Date(at.getTime() + SESSION_POLICY.lifetimeMs),
			userAgent: origin.userAgent?.slice(0, 512) ?? null,
			ip: origin.ip,
		};
		await sessions.insertSession(tx, session);
		return { token, session };
	}

	const locked = (until: Date, at: Date) =>
		err('AUTH.ACCOUNT_LOCKED', 'Too many failed sign-ins: this account is locked for a while.', {
			details: { retryAfterSeconds: secondsUntil(until, at) },
		});

	// One message whatever went wrong, so that a response never tells whether the username exists.
	const invalidCredentials = () => err('AUTH.INVALID_CREDENTIALS', 'The username or password is incorrect.');

	async function login(
		credentials: { readonly username: string; readonly password: string },
		origin: RequestOrigin,
	): Promise<Result<NewSession & { readonly staff: StaffAccount }, AuthError>> {
		const at = now();
		// Every attempt takes a slot up front; only a successful one gives it back.
		const waitMs = addressLimiter.acquire(origin.ip);
		if (waitMs > 0) {
			return err('AUTH.TOO_MANY_ATTEMPTS', 'Too many failed sign-ins from this address; try again later.', {
				details: { retryAfterSeconds: Math.ceil(waitMs / 1000) },
			});
		}
		const account = await staffAccounts.findStaffCredentialsByUsername(db, credentials.username.trim());
		if (!account || !account.active) {
			await hasher.burn(credentials.password);
			return invalidCredentials();
		}
		if (account.lockedUntil && account.lockedUntil > at) return locked(account.lockedUntil, at);
		if (!(await hasher.verify(account.passwordHash, credentials.password))) {
			const after = await staffAccounts.recordFailedLogin(db, account.id, {
				maxFailures: LOCKOUT_POLICY.maxFailures,
				lockedUntil: new Date(at.getTime() + LOCKOUT_POLICY.lockMs),
			});
			if (after.lockedUntil && after.lockedUntil > at) {
				await appendAudit(db, {
					estateId: account.estateId,
					actor: { type: 'anonymous', id: origin.ip },
					action: 'staff.locked',
					subjectType: 'staff',
					subjectId: account.id,
					details: { until: after.lockedUntil.toISOString() },
					ip: origin.ip,
					requestId: origin.requestId ?? null,
					at,
				});
				return locked(after.lockedUntil, at);
			}
			return invalidCredentials();
		}
		// Concurrent wrong guesses may have locked the account while this one was being verified.
		const latest = await staffAccounts.findStaffCredentialsById(db, account.id);
		if (latest?.lockedUntil && latest.lockedUntil > at) return locked(latest.lockedUntil, at);
		addressLimiter.forgive(origin.ip);
		const started = await db.transaction(async (tx) => {
			// A success ends the run of failures, including any counted concurrently with it.
			await staffAccounts.clearFailedLogins(tx, account.id);
			const created = await startSession(tx, account.id, origin, at);
			await appendAudit(tx, {
				estateId: account.estateId,
				actor: { type: 'staff', id: account.id },
				action: 'session.created',
				subjectType: 'staff',
				subjectId: account.id,
				ip: origin.ip,
				requestId: origin.requestId ?? null,
				at,
			});
			return created;
		});
		const { passwordHash: _secret, ...staff } = account;
		return ok({ ...started, staff: { ...staff, failedLogins: 0, lockedUntil: null } });
	}

	/**
	 * The session behind a cookie token, or null. Expired sessions are deleted; a session with fewer than 15
	 * days left is extended to 30 (sliding expiry).
	 */
	async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
		if (!TOKEN_SHAPE.test(token)) return null;
		const found = await sessions.findSessionWithStaff(db, hashToken(token));
		if (!found) return null;
		const at = now();
		const { session, staff } = found;
		if (at >= session.expiresAt || !staff.active) {
			await sessions.deleteSession(db, session.id);
			return null;
		}
		let current = session;
		let renewed = false;
		if (session.expiresAt.getTime() - at.getTime() < SESSION_POLICY.renewWithinMs) {
			current = { ...session, lastSeenAt: at, expiresAt: new Date(at.getTime() + SESSION_POLICY.lifetimeMs) };
			await sessions.updateSessionActivity(db, session.id, { lastSeenAt: at, expiresAt: current.expiresAt });
			renewed = true;
		} else if (at.getTime() - session.lastSeenAt.getTime() >= SESSION_POLICY.lastSeenGranularityMs) {
			current = { ...session, lastSeenAt: at };
			await sessions.updateSessionActivity(db, session.id, { lastSeenAt: at });
		}
		return { principal: staffPrincipalOf(staff, session.id), session: current, renewed };
	}

	/** The device behind a bearer token, or null when unknown or revoked. */
	async function validateDeviceToken(token: string): Promise<DevicePrincipal | null> {
		if (!TOKEN_SHAPE.test(token)) return null;
		const device = await devices.findActiveDeviceByTokenHash(db, hashToken(token));
		if (!device) return null;
		const at = now();
		if (
			!device.lastSeenAt ||
			at.getTime() - device.lastSeenAt.getTime() >= SESSION_POLICY.lastSeenGranularityMs
		) {
			await devices.touchDevice(db, device.id, at);
		}
		return {
			kind: 'device',
			deviceId: device.id,
			estateId: device.estateId,
			deviceKind: device.kind,
			staffId: device.staffId,
		};
	}

	async function logout(sessionId: string): Promise<void> {
		await sessions.deleteSession(db, sessionId);
	}

	async function describe(principal: Principal): Promise<Me | null> {
		const permissions = [...permissionsOf(principal)];
		const estate = await staffAccounts.findEstateSummary(db, principal.estateId);
		if (!estate) return null;
		switch (principal.kind) {
			case 'staff': {
				const account = await staffAccounts.findStaffCredentialsById(db, principal.staffId);
				if (!account) return null;
				return {
					kind: 'staff',
					id: account.id,
					username: account.username,
					name: account.displayName,
					roles: account.roles,
					department: account.department,
					estate,
					mustChangePassword: account.mustChangePassword,
					permissions,
				};
			}
			case 'device': {
				const device = await devices.findDevice(db, principal.estateId, principal.deviceId);
				if (!device) return null;
				return {
					kind: 'device',
					id: device.id,
					deviceKind: device.kind,
					name: device.name,
					staffId: device.staffId,
					estate,
					permissions,
				};
			}
		}
	}

	/**
	 * Changes the caller's password: the current one must be right (wrong guesses count toward the lock), the
	 * new one must meet the policy and differ. Every session of the account ends, and a fresh one is started
	 * for the caller.
	 */
	async function changePassword(
		principal: StaffPrincipal,
		change: { readonly currentPassword: string; readonly newPassword: string },
		origin: RequestOrigin,
	): Promise<Result<NewSession, AuthError>> {
		const at = now();
		const account = await staffAccounts.findStaffCredentialsById(db, principal.staffId);
		if (!account) return err('STAFF.NOT_FOUND', 'This account no longer exists.');
		if (account.lockedUntil && account.lockedUntil > at) return locked(account.lockedUntil, at);
		if (!(await hasher.verify(account.passwordHash, change.currentPassword))) {
			const after = await staffAccounts.recordFailedLogin(db, account.id, {
				maxFailures: LOCKOUT_POLICY.maxFailures,
				lockedUntil: new Date(at.getTime() + LOCKOUT_POLICY.lockMs),
			});
			if (after.lockedUntil && after.lockedUntil > at) return locked(after.lockedUntil, at);
			return err('AUTH.WRONG_PASSWORD', 'The current password is incorrect.', { path: ['currentPassword'] });
		}
		const policy = checkPasswordPolicy(change.newPassword);
		if (!policy.ok) {
			return err('PASSWORD.TOO_WEAK', policy.error.message, {
				path: ['newPassword'],
				details: { failed: policy.error.details.failed },
			});
		}
		if (change.newPassword === change.currentPassword) {
			return err('PASSWORD.REUSED', 'The new password must differ from the current one.', {
				path: ['newPassword'],
			});
		}
		const passwordHash = await hasher.hash(change.newPassword);
		const started = await db.transaction(async (tx) => {
			await staffAccounts.updatePassword(tx, account.id, { passwordHash, mustChangePassword: false, at });
			const ended = await sessions.deleteSessionsOfStaff(tx, account.id);
			const created = await startSession(tx, account.id, origin, at);
			await appendAudit(tx, {
				estateId: account.estateId,
				actor: { type: 'staff', id: account.id },
				action: 'password.changed',
				subjectType: 'staff',
				subjectId: account.id,
				details: { sessionsEnded: ended },
				ip: origin.ip,
				requestId: origin.requestId ?? null,
				at,
			});
			return created;
		});
		return ok(started);
	}

	const listSessions = (staffId: string): Promise<SessionRecord[]> =>
		sessions.listSessionsOfStaff(db, staffId, now());

	/** Ends one of the caller's own sessions; someone else's is "not found", not "forbidden". */
	async function revokeOwnSession(staffId: string, sessionId: string): Promise<Result<void, AuthError>> {
		const deleted = await sessions.deleteSessionOfStaff(db, staffId, sessionId);
		return deleted ? ok(undefined) : err('SESSION.NOT_FOUND', 'No such session of yours.');
	}

	/** An administrator signs a staff member of their estate out everywhere. */
	async function revokeStaffSessions(
		admin: Principal,
		staffId: string,
		origin: RequestOrigin,
	): Promise<Result<{ readonly ended: number }, AuthError>> {
		const target = await staffAccounts.findStaffInEstate(db, admin.estateId, staffId);
		if (!target) return err('STAFF.NOT_FOUND', 'No such staff member in this estate.');
		const ended = await db.transaction(async (tx) => {
			const count = await sessions.deleteSessionsOfStaff(tx, target.id);
			await appendAudit(tx, {
				estateId: admin.estateId,
				actor: auditActorOf(admin),
				action: 'sessions.revoked',
				subjectType: 'staff',
				subjectId: target.id,
				details: { sessionsEnded: count },
				ip: origin.ip,
				requestId: origin.requestId ?? null,
				at: now(),
			});
			return count;
		});
		return ok({ ended });
	}

	/**
	 * An administrator creates a staff account in their estate. It gets a generated initial password that
	 * meets the policy, returned once, and must change it at first sign-in.
	 */
	async function createStaffAccount(
		admin: Principal,
		input: NewStaffInput,
		origin: RequestOrigin,
	): Promise<Result<{ readonly staff: StaffAccount; readonly initialPassword: string }, AuthError>> {
		const username = input.username.trim().toLowerCase();
		const taken = () =>
			err('STAFF.USERNAME_TAKEN', 'This username is already taken.', { path: ['username'] });
		if (await staffAccounts.isUsernameTaken(db, username)) return taken();
		const buildingIds = [...new Set(input.buildingIds)];
		if (
			(await staffAccounts.countBuildingsInEstate(db, admin.estateId, buildingIds)) !== buildingIds.length
		) {
			return err('STAFF.UNKNOWN_BUILDING', 'Every building must be one of this estate.', {
				path: ['buildingIds'],
			});
		}
		const initialPassword = generateInitialPassword(randomBytes, 16);
		const passwordHash = await hasher.hash(initialPassword);
		const at = now();
		const created = await db.transaction(async (tx) => {
			const account = await staffAccounts.insertStaff(tx, {
				estateId: admin.estateId,
				username,
				displayName: input.displayName.trim(),
				department: input.department,
				roles: [...new Set(input.roles)],
				skills: [...new Set(input.skills)],
				buildingIds,
				passwordHash,
				mustChangePassword: true,
				createdAt: at,
			});
			if (!account) return null;
			await appendAudit(tx, {
				estateId: admin.estateId,
				actor: auditActorOf(admin),
				action: 'staff.created',
				subjectType: 'staff',
				subjectId: account.id,
				details: { username, roles: account.roles },
				ip: origin.ip,
				requestId: origin.requestId ?? null,
				at,
			});
			return account;
		});
		return created ? ok({ staff: created, initialPassword }) : taken();
	}

	/** An administrator issues a device token for their estate; the token is returned once. */
	async function issueDevice(
		admin: Principal,
		input: NewDeviceInput,
		origin: RequestOrigin,
	): Promise<Result<{ readonly device: DeviceRecord; readonly token: string }, AuthError>> {
		switch (input.kind) {
			case 'kiosk':
				if (input.staffId !== null) {
					return err('DEVICE.STAFF_NOT_ALLOWED', 'A kiosk belongs to the lobby, not to a staff member.', {
						path: ['staffId'],
					});
				}
				break;
			case 'field': {
				const owner = input.staffId
					? await staffAccounts.findStaffInEstate(db, admin.estateId, input.staffId)
					: null;
				if (!owner?.active) {
					return err('DEVICE.STAFF_REQUIRED', 'A field device needs an active staff member of this estate.', {
						path: ['staffId'],
					});
				}
				break;
			}
		}
		const token = generateToken(DEVICE_TOKEN_BYTES);
		const at = now();
		const device = await db.transaction(async (tx) => {
			const created = await devices.insertDevice(tx, {
				estateId: admin.estateId,
				kind: input.kind,
				name: input.name.trim(),
				staffId: input.staffId,
				tokenHash: hashToken(token),
				createdAt: at,
			});
			await appendAudit(tx, {
				estateId: admin.estateId,
				actor: auditActorOf(admin),
				action: 'device.issued',
				subjectType: 'device',
				subjectId: created.id,
				details: { kind: created.kind, name: created.name, staffId: created.staffId },
				ip: origin.ip,
				requestId: origin.requestId ?? null,
				at,
			});
			return created;
		});
		return ok({ device, token });
	}

	const listDevices = (estateId: string): Promise<DeviceRecord[]> => devices.listDevices(db, estateId);

	async function revokeDevice(
		admin: Principal,
		deviceId: string,
		origin: RequestOrigin,
	): Promise<Result<DeviceRecord, AuthError>> {
		const at = now();
		const revoked = await db.transaction(async (tx) => {
			const device = await devices.revokeDevice(tx, admin.estateId, deviceId, at);
			if (!device) return null;
			await appendAudit(tx, {
				estateId: admin.estateId,
				actor: auditActorOf(admin),
				action: 'device.revoked',
				subjectType: 'device',
				subjectId: device.id,
				ip: origin.ip,
				requestId: origin.requestId ?? null,
				at,
			});
			return device;
		});
		return revoked ? ok(revoked) : err('DEVICE.NOT_FOUND', 'No such device in this estate.');
	}

	return {
		login,
		logout,
		validateSessionToken,
		validateDeviceToken,
		describe,
		changePassword,
		listSessions,
		revokeOwnSession,
		revokeStaffSessions,
		createStaffAccount,
		issueDevice,
		listDevices,
		revokeDevice,
	};
}
