import { WorkOrderCategory, WorkOrderKind } from '@estate-ops/domain/work-orders';
import type { UndeliveredFiling } from '$lib/api/kiosk-undelivered';

/**
 * What the resident asked for, read out of the filing the kiosk kept. The filing may be the very thing the
 * api refused, so every field is read defensively: whatever is missing or malformed is simply not shown.
 */
export type UndeliveredSummary = {
	readonly kind: WorkOrderKind | null;
	readonly category: WorkOrderCategory | null;
	readonly description: string | null;
	readonly desiredWindow: { readonly from: Date; readonly to: Date } | null;
	readonly areaM2: number | null;
	/** Photos the resident took that were meant to travel with the filing. */
	readonly photoCount: number;
};

const asDate = (value: unknown): Date | null => {
	if (typeof value !== 'string') return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
};

function windowOf(value: unknown): UndeliveredSummary['desiredWindow'] {
	if (typeof value !== 'object' || value === null) return null;
	const { from, to } = value as { from?: unknown; to?: unknown };
	const start = asDate(from);
	const end = asDate(to);
	return start && end ? { from: start, to: end } : null;
}

export function undeliveredSummary(filing: UndeliveredFiling['filing']): UndeliveredSummary {
	const kind = WorkOrderKind.safeParse(filing['kind']);
	const category = WorkOrderCategory.safeParse(filing['category']);
	const description = filing['description'];
	const area = filing['areaM2'];
	const photos = filing['attachments'];
	return {
		kind: kind.success ? kind.data : null,
		category: category.success ? category.data : null,
		description: typeof description === 'string' && description.trim() !== '' ? description.trim() : null,
		desiredWindow: windowOf(filing['desiredWindow']),
		areaM2: typeof area === 'number' && Number.isFinite(area) && area > 0 ? area : null,
		photoCount: Array.isArray(photos) ? photos.length : 0,
	};
}

/** Why the api refused it, in the api's own words: the detail when there is one, else the title. */
export const refusalReason = (problem: UndeliveredFiling['problem']): string =>
	problem.detail?.trim() ? problem.detail.trim() : problem.title;
