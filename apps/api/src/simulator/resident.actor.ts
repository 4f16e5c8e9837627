import { localMinuteOfDay } from '@estate-ops/domain/shared';
import type { Dice } from '../seed/random';
import type { ApiClient } from './api-client';
import { isRefusal, type SimulatedActor } from './actor';
import { dayRhythm, type Pace } from './pace';
import { drawKioskFiling, type Household, type KioskFiling, type PublicPlace } from './resident-request.plan';

/**
 * The residents who walk up to the lobby kiosk (会所大堂自助终端): a request every several minutes in the
 * day, few at night, filed with the kiosk's device token (`POST /api/v1/kiosk/work-orders`) after the
 * household is identified by its room and phone digits, exactly as at the kiosk's screen.
 */

/** A request about every 8 minutes in the busy hours at `SIMULATE_SPEED` 1. */
export const MEAN_FILING_GAP_MS = 8 * 60_000;

export function createResidents(input: {
	readonly kiosk: ApiClient;
	readonly households: readonly Household[];
	readonly places: readonly PublicPlace[];
	readonly timeZone: string;
	readonly dice: Dice;
	readonly pace: Pace;
	readonly startMs: number;
	/** Told the code of every request filed, so that the desk can take it on. */
	readonly onFiled: (code: string) => void;
}): SimulatedActor {
	const { dice, pace } = input;
	const gapAfter = (atMs: number): number =>
		pace.around(MEAN_FILING_GAP_MS / dayRhythm(localMinuteOfDay(new Date(atMs), input.timeZone)));
	let nextFilingMs = input.startMs + gapAfter(input.startMs);
	let pending: { readonly filing: KioskFiling; readonly key: string } | null = null;

	return {
		label: 'residents at the lobby kiosk',
		async tick(nowMs) {
			if (nowMs < nextFilingMs || input.households.length === 0) return;
			// The kiosk names each filing, so that a retry after a lost answer files it only once.
			pending ??= { filing: drawKioskFiling(dice, input.households, input.places), key: dice.uuid() };
			try {
				const receipt = await input.kiosk.post<{ code: string }>(
					'/api/v1/kiosk/work-orders',
					pending.filing,
					{
						idempotencyKey: pending.key,
					},
				);
				input.onFiled(receipt.code);
			} catch (error) {
				// The household moved out meanwhile, or the kiosk was revoked: the next resident tries.
				if (!isRefusal(error)) throw error;
			}
			pending = null;
			nextFilingMs = nowMs + gapAfter(nowMs);
		},
	};
}
