import { isInsideBoundary, type PolygonGeometry, type Position } from '@estate-ops/domain/estate';
import { err, localDateOf, ok, type DomainError, type Result } from '@estate-ops/domain/shared';
import {
	defaultSlaRulesFor,
	WEEKDAY_KEYS,
	WorkingCalendar,
	type WeekdayKey,
	type WeeklyHours,
	type WorkingHours,
} from '@estate-ops/domain/sla';
import type { Database } from '../db/database';
import { appendAudit, type AuditActor } from '../db/repositories/audit.repository';
import { upsertCalendarDays } from '../db/repositories/calendar.repository';
import { estates, slaSettings } from '../db/schema/index';
import { isUniqueViolation } from '../db/unique-violation';
import { calendarPresetFor } from './calendar-preset.service';

export type EstateSetupServiceDeps = { readonly db: Database; readonly now: () => Date };

export type NewEstate = {
	readonly name: string;
	readonly nameEn?: string | undefined;
	readonly code: string;
	readonly timeZone: string;
	/** ISO 3166-1 alpha-2; `CN` gets the mainland holiday schedule as its calendar preset. */
	readonly country: string;
	readonly address?: string | undefined;
	readonly location: { readonly lng: number; readonly lat: number };
	readonly boundary?: PolygonGeometry | undefined;
	readonly workingHours: WorkingHours;
	readonly workingDays: readonly WeekdayKey[];
};

export type CreatedEstate = {
	readonly id: string;
	readonly code: string;
	readonly name: string;
	readonly timeZone: string;
	readonly country: string;
	readonly week: WeeklyHours;
	/** How many holidays and 调休 working days the preset gave. */
	readonly presetDays: number;
};

/** Half the side of the placeholder boundary drawn around the centre until the site plan is drawn (about 220 m). */
const PLACEHOLDER_HALF_SIDE_DEG = 0.002;

function placeholderBoundary([lng, lat]: Position): PolygonGeometry {
	const d = PLACEHOLDER_HALF_SIDE_DEG;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lng - d, lat - d],
				[lng + d, lat - d],
				[lng + d, lat + d],
				[lng - d, lat + d],
				[lng - d, lat - d],
			],
		],
	};
}

/**
 * Creating an estate (小区) with what its SLA clocks need from the first order on: the working week, the SLA
 * rules (the company's defaults, "3 working days" measured in this week's day) and the calendar preset of its
 * country (SPEC.md, "Calendar that knows 调休"), all in one transaction with the audit line.
 */
export function createEstateSetupService(deps: EstateSetupServiceDeps) {
	const { db, now } = deps;
	return {
		async create(
			input: NewEstate,
			actor: AuditActor,
			requestId: string | null,
		): Promise<Result<CreatedEstate, DomainError>> {
			const centre: Position = [input.location.lng, input.location.lat];
			const boundary = input.boundary ?? placeholderBoundary(centre);
			if (!isInsideBoundary(centre, boundary)) {
				return err('ESTATE.INVALID', 'The location must lie inside the boundary.', { path: ['location'] });
			}
			const week = Object.fromEntries(
				WEEKDAY_KEYS.map((key) => [key, input.workingDays.includes(key) ? input.workingHours : []]),
			) as WeeklyHours;
			const at = now();
			const year = Number(localDateOf(at, input.timeZone).slice(0, 4));
			const preset = calendarPresetFor(input.country, year);
			const calendar = WorkingCalendar.safeParse({ timeZone: input.timeZone, week });
			if (!calendar.success) {
				return err('ESTATE.INVALID', calendar.error.issues[0]?.message ?? 'invalid working week', {
					path: ['workingDays'],
				});
			}
			try {
				const created = await db.transaction(async (tx) => {
					const [row] = await tx
						.insert(estates)
						.values({
							code: input.code,
							name: input.name,
							nameEn: input.nameEn ?? null,
							timeZone: input.timeZone,
							address: input.address ?? null,
							centreLng: centre[0],
							centreLat: centre[1],
							boundary,
							settings: { country: input.country.toUpperCase() },
							createdAt: at,
						})
						.returning({ id: estates.id });
					if (!row) throw new Error('no estate row');
					await tx.insert(slaSettings).values({
						estateId: row.id,
						rules: defaultSlaRulesFor(calendar.data),
						workingWeek: week,
						updatedAt: at,
					});
					await upsertCalendarDays(
						tx,
						row.id,
						preset.map((day) => ({ ...day, source: 'preset' })),
						at,
					);
					await appendAudit(tx, {
						estateId: row.id,
						actor,
						action: 'estate.created',
						subjectType: 'estate',
						subjectId: row.id,
						details: {
							code: input.code,
							name: input.name,
							country: input.country,
							presetDays: preset.length,
						},
						requestId,
						at,
					});
					return row.id;
				});
				return ok({
					id: created,
					code: input.code,
					name: input.name,
					timeZone: input.timeZone,
					country: input.country.toUpperCase(),
					week,
					presetDays: preset.length,
				});
			} catch (error) {
				if (isUniqueViolation(error)) {
					return err('ESTATE.CODE_TAKEN', `An estate with the code ${input.code} exists.`, {
						path: ['code'],
					});
				}
				throw error;
			}
		},
	};
}

export type EstateSetupService = ReturnType<typeof createEstateSetupService>;
