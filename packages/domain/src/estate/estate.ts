import { z } from 'zod';
import { EstateId } from '../shared/ids';
import { TimeZone } from '../shared/time';
import { AreaGeometry, Position } from './geo-json';
import { isInsideBoundary } from './point-in-polygon';

export const DEFAULT_ESTATE_TIME_ZONE = 'Asia/Shanghai';

/**
 * An estate (小区) run by the company. Its time zone drives calendars and schedules; its boundary decides
 * whether a guard is inside the estate.
 */
export const Estate = z
	.object({
		id: EstateId,
		name: z.string().trim().min(1).max(100),
		/** Short code shown on badges and exports, e.g. `LHY`. */
		code: z.string().regex(/^[A-Z0-9]{2,8}$/, 'expected 2–8 upper-case letters or digits'),
		timeZone: TimeZone.default(DEFAULT_ESTATE_TIME_ZONE),
		address: z.string().max(200).nullable().default(null),
		/** Where the map opens, `[lng, lat]`. */
		centre: Position,
		boundary: AreaGeometry,
	})
	.refine((estate) => isInsideBoundary(estate.centre, estate.boundary), {
		message: 'the centre must lie inside the boundary',
		path: ['centre'],
	});
export type Estate = z.infer<typeof Estate>;
