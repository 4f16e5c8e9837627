import { CATEGORIES_BY_KIND } from '@estate-ops/domain/work-orders';
import type { WorkOrderCategory } from '@estate-ops/domain/work-orders';

/** What a resident can file at the kiosk (an inquiry is asked at the front desk). */
export const filingKinds = ['repair', 'complaint', 'suggestion', 'booking'] as const;
export type FilingKind = (typeof filingKinds)[number];

export const isFilingKind = (value: string): value is FilingKind =>
	(filingKinds as readonly string[]).includes(value);

/** The categories a kind offers, in the domain's order (the most asked-for first). */
export const categoriesOf = (kind: FilingKind): readonly WorkOrderCategory[] => CATEGORIES_BY_KIND[kind];
