import { z } from 'zod';

/** A trade a staff member is qualified for (技能); dispatch matches it against a work order's category. */
export const Skill = z.enum([
	'plumbing',
	'electrical',
	'carpentry',
	'doors_locks',
	'appliances',
	'public_facilities',
	'hvac',
	'lift',
	'greening',
	'cleaning',
	'security',
]);
export type Skill = z.infer<typeof Skill>;
