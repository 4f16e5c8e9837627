import { CleaningZoneKind, DEFAULT_CLEANING_PLANS } from '@estate-ops/domain/cleaning';
import type { Executor } from '../db/database';
import { insertCleaningPlans } from '../db/repositories/cleaning.repository';
import type { SeededZone } from './site-plan';

/**
 * The demo estate's cleaning plans: the company's standard plan (`DEFAULT_CLEANING_PLANS`) for every kind of
 * cleaning zone the estate has. Returns how many plans were stored.
 */
export async function seedCleaningPlans(
	tx: Executor,
	input: { readonly estateId: string; readonly zones: readonly SeededZone[]; readonly now: Date },
): Promise<number> {
	const kinds = new Set<string>(input.zones.map((zone) => zone.kind));
	const plans = CleaningZoneKind.options
		.filter((kind) => kinds.has(kind))
		.map((kind) => DEFAULT_CLEANING_PLANS[kind]);
	await insertCleaningPlans(tx, input.estateId, plans, input.now);
	return plans.length;
}
