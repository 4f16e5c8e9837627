import { describe, expect, it } from 'vitest';
import { classifyUrgency } from '@estate-ops/domain/work-orders';
import type { WorkOrderCategory } from '@estate-ops/domain/work-orders';
import { locales } from '$lib/paraglide/runtime';
import { categoriesOf, filingKinds } from './filing-kinds';
import { PHRASE_TEXT } from './phrase-text';
import { PHRASES, phrasesOf, URGENT_PHRASES } from './phrases';
import type { PhraseKey } from './phrases';

const chips = filingKinds.flatMap((kind) =>
	Object.entries(PHRASES[kind]).flatMap(([category, keys]) =>
		(keys as readonly PhraseKey[]).map((key) => ({ kind, category: category as WorkOrderCategory, key })),
	),
);

describe('phrase chips', () => {
	it('offers phrases for every category of every kind the kiosk files', () => {
		for (const kind of filingKinds) {
			for (const category of categoriesOf(kind)) expect(phrasesOf(kind, category).length).toBeGreaterThan(0);
		}
	});

	it.each(Object.keys(URGENT_PHRASES).flatMap((key) => locales.map((locale) => [key, locale] as const)))(
		'%s is urgent in %s, so the emergency line shows at once',
		(key, locale) => {
			const chip = chips.find((candidate) => candidate.key === key);
			expect(chip).toBeDefined();
			if (!chip) return;
			const description = PHRASE_TEXT[chip.key]({}, { locale });
			expect(classifyUrgency({ kind: chip.kind, category: chip.category, description }).urgency).toBe(
				'urgent',
			);
		},
	);

	it('calls no other phrase urgent, in any language', () => {
		const urgent = chips
			.filter((chip) => !Object.hasOwn(URGENT_PHRASES, chip.key))
			.flatMap((chip) =>
				locales
					.filter(
						(locale) =>
							classifyUrgency({
								kind: chip.kind,
								category: chip.category,
								description: PHRASE_TEXT[chip.key]({}, { locale }),
							}).urgency === 'urgent',
					)
					.map((locale) => `${chip.key} (${locale})`),
			);
		expect(urgent).toEqual([]);
	});

	it('has no chips for a category a kind does not have', () => {
		expect(phrasesOf('repair', 'noise')).toEqual([]);
		expect(phrasesOf('repair', null)).toEqual([]);
	});
});
