import {
	DEFAULT_STATUS_PAGE_LOCALE,
	STATUS_PAGE_LOCALES,
	type StatusPageLocale,
} from './status-page.messages';

const isLocale = (value: string): value is StatusPageLocale =>
	(STATUS_PAGE_LOCALES as readonly string[]).includes(value);

/** The page language an Accept-Language range stands for, if any: traditional script by region or tag. */
function localeOfRange(range: string): StatusPageLocale | null {
	const tag = range.trim().toLowerCase();
	if (tag === 'en' || tag.startsWith('en-')) return 'en';
	if (tag === 'zh' || tag.startsWith('zh-')) {
		const subtags = tag.split('-');
		if (subtags.includes('hant') || ['tw', 'hk', 'mo'].some((region) => subtags.includes(region)))
			return 'zh-Hant';
		return 'zh-Hans';
	}
	return null;
}

/**
 * The status page's language: `?lang=` when it names one of ours (the page's own switch links set it), then
 * the browser's Accept-Language by preference weight, then Simplified Chinese.
 */
export function statusPageLocale(
	query: string | undefined,
	acceptLanguage: string | undefined,
): StatusPageLocale {
	if (query !== undefined && isLocale(query)) return query;
	const ranges = (acceptLanguage ?? '')
		.split(',')
		.slice(0, 20)
		.map((part, index) => {
			const [range = '', ...params] = part.split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q === undefined ? 1 : Number(q.slice(2));
			return { locale: localeOfRange(range), weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => entry.locale !== null && entry.weight > 0)
		// Highest weight first; the header's own order breaks ties.
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	return ranges[0]?.locale ?? DEFAULT_STATUS_PAGE_LOCALE;
}
