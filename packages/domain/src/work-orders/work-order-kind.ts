import { z } from 'zod';

/** What a request is (工单类型): repair 报修, complaint 投诉, suggestion 建议, inquiry 咨询, booking 服务预约. */
export const WorkOrderKind = z.enum(['repair', 'complaint', 'suggestion', 'inquiry', 'booking']);
export type WorkOrderKind = z.infer<typeof WorkOrderKind>;

/** Repairs: plumbing 水, electrical 电, carpentry 木工, doors and locks, appliances, public facilities. */
export const RepairCategory = z.enum([
	'plumbing',
	'electrical',
	'carpentry',
	'doors_locks',
	'appliances',
	'public_facilities',
]);
export type RepairCategory = z.infer<typeof RepairCategory>;

/**
 * Bookings: daily 日常 or deep 深度 cleaning (deep cleaning is priced by area), greening care 绿化养护,
 * a parking space 车位预订, a home visit 上门拜访.
 */
export const BookingCategory = z.enum([
	'cleaning_daily',
	'cleaning_deep',
	'greening',
	'parking_space',
	'home_visit',
]);
export type BookingCategory = z.infer<typeof BookingCategory>;

/** What a complaint, suggestion or inquiry is about. */
export const ConcernCategory = z.enum([
	'service',
	'noise',
	'sanitation',
	'security',
	'parking',
	'facilities',
	'environment',
	'renovation',
	'pets',
	'fees',
	'other',
]);
export type ConcernCategory = z.infer<typeof ConcernCategory>;

export const WorkOrderCategory = z.enum([
	...RepairCategory.options,
	...BookingCategory.options,
	...ConcernCategory.options,
]);
export type WorkOrderCategory = z.infer<typeof WorkOrderCategory>;

export const CATEGORIES_BY_KIND: Readonly<Record<WorkOrderKind, readonly WorkOrderCategory[]>> = {
	repair: RepairCategory.options,
	complaint: ConcernCategory.options,
	suggestion: ConcernCategory.options,
	inquiry: ConcernCategory.options,
	booking: BookingCategory.options,
};

export const isCategoryOf = (kind: WorkOrderKind, category: WorkOrderCategory): boolean =>
	CATEGORIES_BY_KIND[kind].includes(category);

/** Categories whose request must say how large the area is. */
export const CATEGORIES_NEEDING_AREA: readonly WorkOrderCategory[] = ['cleaning_deep'];
