import { z } from 'zod';
import { Fen } from './money';

/** The kinds of line a monthly bill can carry (收费项目). */
export const FeeItemKind = z.enum(['property_fee', 'parking', 'water', 'electricity', 'repair']);
export type FeeItemKind = z.infer<typeof FeeItemKind>;

const price = Fen.refine((n) => n >= 0, 'a price is not negative');

/** An estate's rates (收费标准), as the finance team sets them. */
export const FeeRates = z.object({
	/** 物业费, per square metre of the room's floor area per month, in fen. */
	propertyFeeFenPerM2Month: price,
	/** Pass-through meter prices per unit (吨, kWh), in li (a tenth of a fen). */
	waterLiPerUnit: price,
	electricityLiPerUnit: price,
	/** Days after the end of the billed month by which the bill is due. */
	dueDays: z.number().int().min(0).max(90),
});
export type FeeRates = z.infer<typeof FeeRates>;
