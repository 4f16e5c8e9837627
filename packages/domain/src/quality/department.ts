import { z } from 'zod';

/**
 * Operating department (部门) that a scoring template, a spot-check and a KPI belong to.
 * - cleaning 保洁, security 安保, engineering 工程维修 (repairs), customer_service 客服, landscaping 绿化.
 */
export const Department = z.enum(['cleaning', 'security', 'engineering', 'customer_service', 'landscaping']);
export type Department = z.infer<typeof Department>;
