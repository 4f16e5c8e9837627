import { CATEGORIES_NEEDING_AREA } from '@estate-ops/domain/work-orders';
import type { WorkOrderCategory } from '@estate-ops/domain/work-orders';

/**
 * What each booking asks for beyond its category. Cleaning offers daily or deep (choosing one switches the
 * category, so a resident who started with daily can still take deep) and the area in m² from the
 * keypad; the others offer what the service is for, which goes into the request's text.
 */
export const BOOKING_OPTIONS = {
	cleaning_daily: ['cleaning_daily', 'cleaning_deep'],
	cleaning_deep: ['cleaning_daily', 'cleaning_deep'],
	greening: ['lawn_mowing', 'hedge_pruning', 'plant_care', 'pest_control'],
	parking_space: ['parking_monthly', 'parking_temporary', 'parking_visitor', 'parking_ev'],
	home_visit: ['visit_butler', 'visit_inspection', 'visit_renovation', 'visit_moving'],
} as const;

export type BookingCategory = keyof typeof BOOKING_OPTIONS;
export type BookingOption = (typeof BOOKING_OPTIONS)[BookingCategory][number];

const CLEANING: readonly string[] = ['cleaning_daily', 'cleaning_deep'];

export const isBookingCategory = (category: string | null): category is BookingCategory =>
	category !== null && Object.hasOwn(BOOKING_OPTIONS, category);

export const bookingOptionsOf = (category: string | null): readonly BookingOption[] =>
	isBookingCategory(category) ? BOOKING_OPTIONS[category] : [];

/** A cleaning option is also the category it books. */
export const isCleaningOption = (option: string): option is 'cleaning_daily' | 'cleaning_deep' =>
	CLEANING.includes(option);

/** Cleaning asks for the area; deep cleaning is priced by it and cannot go without. */
export const asksArea = (category: string | null): boolean =>
	category !== null && CLEANING.includes(category);
export const needsArea = (category: string | null): boolean =>
	category !== null && (CATEGORIES_NEEDING_AREA as readonly string[]).includes(category as WorkOrderCategory);

/** The domain's limit on an area (m²). */
export const MAX_AREA_M2 = 10_000;
