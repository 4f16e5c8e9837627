import type { WorkOrderCategory } from '@estate-ops/domain/work-orders';
import { m } from '$lib/paraglide/messages';
import type { BookingOption } from './booking-options';
import type { Hazard } from './emergency';
import type { FilingWords } from './filing-body';
import type { FilingKind } from './filing-kinds';
import type { FilingProblem } from './filing-machine';
import { PHRASE_TEXT } from './phrase-text';
import type { DayPart, SlotDay, SlotName } from './time-slots';

export function categoryLabel(category: WorkOrderCategory): string {
	switch (category) {
		case 'plumbing':
			return m.cat_plumbing();
		case 'electrical':
			return m.cat_electrical();
		case 'carpentry':
			return m.cat_carpentry();
		case 'doors_locks':
			return m.cat_doors_locks();
		case 'appliances':
			return m.cat_appliances();
		case 'public_facilities':
			return m.cat_public_facilities();
		case 'service':
			return m.cat_service();
		case 'noise':
			return m.cat_noise();
		case 'sanitation':
			return m.cat_sanitation();
		case 'security':
			return m.cat_security();
		case 'parking':
			return m.cat_parking();
		case 'facilities':
			return m.cat_facilities();
		case 'environment':
			return m.cat_environment();
		case 'renovation':
			return m.cat_renovation();
		case 'pets':
			return m.cat_pets();
		case 'fees':
			return m.cat_fees();
		case 'other':
			return m.cat_other();
		case 'cleaning_daily':
			return m.cat_cleaning_daily();
		case 'cleaning_deep':
			return m.cat_cleaning_deep();
		case 'greening':
			return m.cat_greening();
		case 'parking_space':
			return m.cat_parking_space();
		case 'home_visit':
			return m.cat_home_visit();
	}
}

export function bookingOptionLabel(option: BookingOption): string {
	switch (option) {
		case 'cleaning_daily':
			return m.bk_cleaning_daily();
		case 'cleaning_deep':
			return m.bk_cleaning_deep();
		case 'lawn_mowing':
			return m.bk_lawn_mowing();
		case 'hedge_pruning':
			return m.bk_hedge_pruning();
		case 'plant_care':
			return m.bk_plant_care();
		case 'pest_control':
			return m.bk_pest_control();
		case 'parking_monthly':
			return m.bk_parking_monthly();
		case 'parking_temporary':
			return m.bk_parking_temporary();
		case 'parking_visitor':
			return m.bk_parking_visitor();
		case 'parking_ev':
			return m.bk_parking_ev();
		case 'visit_butler':
			return m.bk_visit_butler();
		case 'visit_inspection':
			return m.bk_visit_inspection();
		case 'visit_renovation':
			return m.bk_visit_renovation();
		case 'visit_moving':
			return m.bk_visit_moving();
	}
}

export function categoryQuestion(kind: FilingKind): string {
	switch (kind) {
		case 'repair':
			return m.category_question_repair();
		case 'complaint':
			return m.category_question_complaint();
		case 'suggestion':
			return m.category_question_suggestion();
		case 'booking':
			return m.category_question_booking();
	}
}

export function detailsQuestion(kind: FilingKind): string {
	switch (kind) {
		case 'booking':
			return m.details_question_booking();
		case 'suggestion':
			return m.details_question_suggestion();
		case 'repair':
		case 'complaint':
			return m.details_question();
	}
}

/** What the alert under a step says. */
export function problemText(problem: FilingProblem): string {
	switch (problem.code) {
		case 'category_required':
			return m.problem_category_required();
		case 'place_required':
			return m.problem_place_required();
		case 'public_place_required':
			return m.problem_public_place_required();
		case 'room_required':
			return m.problem_room_required();
		case 'description_required':
			return m.problem_description_required();
		case 'area_required':
			return m.problem_area_required();
		case 'area_too_large':
			return m.problem_area_too_large();
		case 'window_required':
			return m.problem_window_required();
		case 'digits_required':
			return m.problem_digits_required();
		case 'digits_mismatch':
			return m.problem_digits_mismatch();
		case 'too_many_attempts':
			return m.problem_too_many_attempts();
		case 'room_unknown':
			return m.problem_room_unknown();
		case 'refused':
			return m.problem_refused({ detail: problem.detail ?? '' });
	}
}

export function hazardAdvice(hazard: Hazard): string {
	switch (hazard) {
		case 'water':
			return m.emergency_water();
		case 'power':
			return m.emergency_power();
		case 'gas':
			return m.emergency_gas();
		case 'lift':
			return m.emergency_lift();
		case 'fire':
			return m.emergency_fire();
		case 'theft':
			return m.emergency_theft();
	}
}

function dayLabel(day: SlotDay): string {
	switch (day) {
		case 'today':
			return m.day_today();
		case 'tomorrow':
			return m.day_tomorrow();
		case 'day_after':
			return m.day_day_after();
	}
}

function partLabel(part: DayPart): string {
	switch (part) {
		case 'morning':
			return m.part_morning();
		case 'afternoon':
			return m.part_afternoon();
		case 'evening':
			return m.part_evening();
	}
}

/** A window chip's two lines: the day and the part of it (just one line for as soon as possible). */
export function slotLabel(slot: SlotName): { readonly day: string; readonly part: string | null } {
	return slot.key === 'asap'
		? { day: m.window_asap(), part: null }
		: { day: dayLabel(slot.day), part: partLabel(slot.part) };
}

/** The words a description is made of, in the language on the screen now. */
export const filingWords = (): FilingWords => ({
	phrase: (key) => PHRASE_TEXT[key](),
	bookingOption: bookingOptionLabel,
	publicPlace: (name) => m.public_place_prefix({ name }),
	area: (area) => m.area_in_description({ area }),
	separator: m.description_separator(),
});
