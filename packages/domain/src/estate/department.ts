import { z } from 'zod';

/** The department (部门) a staff member belongs to; escalations go to its head. */
export const Department = z.enum([
	'customer_service',
	'engineering',
	'security',
	'cleaning',
	'landscaping',
	'quality',
	'finance',
	'management',
]);
export type Department = z.infer<typeof Department>;
