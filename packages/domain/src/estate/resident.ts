import { z } from 'zod';
import { EstateId, ResidentId } from '../shared/ids';
import { PhoneNumber } from './phone-number';

export const Locale = z.enum(['zh-Hans', 'zh-Hant', 'en']);
export type Locale = z.infer<typeof Locale>;

/**
 * A person living in or owning a dwelling (业主/住户). Phone and ID numbers are sensitive: the api stores
 * them encrypted, shows them masked and audits every read; here they are the plain values.
 */
export const Resident = z.object({
	id: ResidentId,
	estateId: EstateId,
	name: z.string().trim().min(1).max(50),
	phone: PhoneNumber,
	idNumber: z.string().trim().min(4).max(32).nullable().default(null),
	locale: Locale.default('zh-Hans'),
});
export type Resident = z.infer<typeof Resident>;
