import { z } from 'zod';

/**
 * How a request came in (来源渠道): the lobby kiosk, the console (front desk 前台, phone 电话, walk-in,
 * or an agent's own entry), WeChat or the app through the API, or a staff member in the field.
 */
export const WorkOrderChannel = z.enum([
	'kiosk',
	'front_desk',
	'phone',
	'walk_in',
	'wechat',
	'app',
	'field',
	'console',
]);
export type WorkOrderChannel = z.infer<typeof WorkOrderChannel>;
