import { MAX_FIXES_PER_REPORT } from '@estate-ops/domain/positions';
import type { Dice } from '../seed/random';
import { ApiError, type ApiClient } from './api-client';
import { scheduleBetween } from './pace';
import { offsetMetres, type WalkState } from './walk';

/**
 * A simulated field phone (手机) in someone's pocket: it takes a fix every few seconds while it is on, and
 * sends what it has in one report every ten seconds (`POST /api/v1/positions`), as the field view does. A
 * phone switched off takes no fixes: the person turns stale on the map until it is back on.
 */

/** A fix every 5 s and a report every 10 s, the field view's rhythm (its FixBatcher's FLUSH_EVERY_MS). */
export const FIX_PERIOD_MS = 5_000;
export const REPORT_PERIOD_MS = 10_000;

export type FieldPhone = {
	readonly staffId: string;
	readonly name: string;
	readonly api: ApiClient;
	/** Takes the fixes due in (last call, `nowMs`] from where the person is, and reports when a report is due. */
	track(positionAt: (atMs: number) => WalkState, nowMs: number): Promise<void>;
	/** No fixes and no reports until `untilMs`. */
	goSilent(untilMs: number): void;
	isSilent(nowMs: number): boolean;
};

type Fix = {
	readonly deviceTime: string;
	readonly lng: number;
	readonly lat: number;
	readonly accuracyM: number;
	readonly headingDeg?: number;
	readonly speedMps?: number;
	readonly batteryPct: number;
};

/** Battery spent per hour on duty with location on, and the level at which it is put on charge. */
const BATTERY_PER_HOUR = 4;
const RECHARGE_BELOW = 15;

export function createFieldPhone(input: {
	readonly staffId: string;
	readonly name: string;
	readonly api: ApiClient;
	readonly dice: Dice;
	readonly startMs: number;
}): FieldPhone {
	const { dice } = input;
	// Phones are not in step with each other: each has its own phase.
	const fixPhase = dice.int(0, FIX_PERIOD_MS - 1);
	const reportPhase = dice.int(0, REPORT_PERIOD_MS - 1);
	let battery = dice.float(55, 100);
	let lastMs = input.startMs;
	let silentUntilMs = 0;
	let queued: Fix[] = [];

	const fixAt = (state: WalkState, atMs: number): Fix => {
		battery -= (BATTERY_PER_HOUR * FIX_PERIOD_MS) / 3_600_000;
		// Put on charge at the guard room or the office: it comes back full.
		if (battery < RECHARGE_BELOW) battery = 100;
		const accuracyM = Math.round(dice.float(3, 9) * 10) / 10;
		// A phone's fix wanders around the true position by a metre or two.
		const [lng, lat] = offsetMetres(state.point, dice.float(-1.5, 1.5), dice.float(-1.5, 1.5));
		return {
			deviceTime: new Date(atMs).toISOString(),
			lng,
			lat,
			accuracyM,
			...(state.headingDeg === null ? {} : { headingDeg: state.headingDeg }),
			speedMps: Math.round(state.speedMps * 100) / 100,
			batteryPct: Math.round(battery),
		};
	};

	return {
		staffId: input.staffId,
		name: input.name,
		api: input.api,
		async track(positionAt, nowMs) {
			const from = lastMs;
			lastMs = Math.max(lastMs, nowMs);
			for (const atMs of scheduleBetween(from, nowMs, FIX_PERIOD_MS, fixPhase)) {
				if (atMs < silentUntilMs) continue;
				queued.push(fixAt(positionAt(atMs), atMs));
			}
			if (queued.length === 0 || scheduleBetween(from, nowMs, REPORT_PERIOD_MS, reportPhase).length === 0)
				return;
			const report = queued.slice(-MAX_FIXES_PER_REPORT);
			queued = [];
			try {
				await input.api.post('/api/v1/positions', { fixes: report });
			} catch (error) {
				// Kept for the next report, as the field view keeps what it could not send; a refused report is not.
				const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
				if (!refused) queued = [...report, ...queued].slice(-MAX_FIXES_PER_REPORT);
				throw error;
			}
		},
		goSilent(untilMs) {
			silentUntilMs = Math.max(silentUntilMs, untilMs);
			queued = [];
		},
		isSilent: (nowMs) => nowMs < silentUntilMs,
	};
}
