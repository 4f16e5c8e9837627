import { WorkOrderCategory, WorkOrderKind, WorkOrderStatus } from '@estate-ops/domain/work-orders';
import { describe, expect, it } from 'vitest';
import { ProgressStepSchema } from '../kiosk/kiosk.schemas';
import { STATUS_PAGE_CATALOGUE, STATUS_PAGE_LOCALES, statusPageText } from './status-page.messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the status page catalogue', () => {
	const base = Object.keys(STATUS_PAGE_CATALOGUE['zh-Hans']).sort();

	it.each(STATUS_PAGE_LOCALES)('has the same keys in %s as in zh-Hans, none empty', (locale) => {
		const messages = STATUS_PAGE_CATALOGUE[locale];
		expect(Object.keys(messages).sort()).toEqual(base);
		for (const [key, text] of Object.entries(messages)) expect(text.trim(), key).not.toBe('');
	});

	it.each(STATUS_PAGE_LOCALES)('fills the same placeholders in %s as in zh-Hans', (locale) => {
		for (const key of base) {
			const here = (STATUS_PAGE_CATALOGUE[locale] as Record<string, string>)[key] ?? '';
			const there = (STATUS_PAGE_CATALOGUE['zh-Hans'] as Record<string, string>)[key] ?? '';
			expect(placeholders(here), `${locale} ${key}`).toEqual(placeholders(there));
		}
	});

	it('names every kind, category, status and next step the domain has', () => {
		const needed = [
			...WorkOrderKind.options.map((kind) => `kind_${kind}`),
			...WorkOrderCategory.options.map((category) => `category_${category}`),
			...WorkOrderStatus.options.map((status) => `status_${status}`),
			...ProgressStepSchema.options.map((step) => `next_${step}`),
		];
		expect(needed.filter((key) => !base.includes(key))).toEqual([]);
	});

	it('fills placeholders and throws on a key it does not have', () => {
		expect(statusPageText('en', 'reopened', { count: 2 })).toBe('Sent back for rework 2×');
		expect(statusPageText('zh-Hant', 'too_many_body', { minutes: 3 })).toBe('請在 3 分鐘後再試。');
		expect(() => statusPageText('en', 'no_such_key')).toThrow(/no_such_key/);
	});
});
