import { z } from 'zod';

const Rating = z.number().int().min(1).max(5);

/** The resident's satisfaction survey (满意度回访) after a job: speed 速度, result 效果, attitude 态度, 1–5 each. */
export const ServiceRatings = z.object({ speed: Rating, result: Rating, attitude: Rating });
export type ServiceRatings = z.infer<typeof ServiceRatings>;

/** The three ratings weigh alike. */
export const meanOfRatings = (ratings: ServiceRatings): number =>
	(ratings.speed + ratings.result + ratings.attitude) / 3;
