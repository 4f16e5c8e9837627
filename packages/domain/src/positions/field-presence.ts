import { z } from 'zod';
import type { AreaGeometry } from '../estate/geo-json';
import { isInsideBoundary } from '../estate/point-in-polygon';
import type { StaffRole } from '../estate/staff-role';
import { guardPresence, STALE_AFTER_MS } from '../patrols/guard-position';

/** The trades whose positions the control room's map shows: guards (安保), cleaners (保洁), technicians (维修). */
export const FieldRole = z.enum(['guard', 'cleaner', 'technician']);
export type FieldRole = z.infer<typeof FieldRole>;

/**
 * The map layer a person is drawn on. Someone with several field roles is shown as a guard first (the
 * security layer is the one the control room watches for SOS and patrols), then as a cleaner.
 */
export function fieldRoleOf(roles: readonly StaffRole[]): FieldRole | null {
	for (const role of FieldRole.options) if (roles.includes(role)) return role;
	return null;
}

export type FieldPresence = {
	/** No fix for `staleAfterMs` (SPEC: 2 minutes): the map greys the person out. */
	readonly stale: boolean;
	/** The last fix lies outside the estate's boundary (围界); false when the estate has no boundary. */
	readonly outside: boolean;
};

/** What the map shows of a person at `now`, from their latest fix. */
export function fieldPresence(
	fix: { readonly at: Date; readonly point: readonly [number, number] },
	now: Date,
	boundary: AreaGeometry | null,
	options: { readonly staleAfterMs?: number } = {},
): FieldPresence {
	return {
		stale: guardPresence(fix.at, now, options) === 'stale',
		outside: boundary ? !isInsideBoundary([fix.point[0], fix.point[1]], boundary) : false,
	};
}

/**
 * Whether a person whose latest fix is at `fixAt` turned stale in `(after, upTo]`: what a watch that looks
 * every few seconds announces once, without remembering whom it announced.
 */
export function becameStaleBetween(
	fixAt: Date,
	after: Date,
	upTo: Date,
	staleAfterMs: number = STALE_AFTER_MS,
): boolean {
	const window = staleWindow(after, upTo, staleAfterMs);
	return fixAt > window.fixAfter && fixAt <= window.fixUpTo;
}

/** The latest-fix times of the people who turned stale in `(after, upTo]`: `(fixAfter, fixUpTo]`. */
export function staleWindow(
	after: Date,
	upTo: Date,
	staleAfterMs: number = STALE_AFTER_MS,
): { readonly fixAfter: Date; readonly fixUpTo: Date } {
	return {
		fixAfter: new Date(after.getTime() - staleAfterMs),
		fixUpTo: new Date(upTo.getTime() - staleAfterMs),
	};
}
