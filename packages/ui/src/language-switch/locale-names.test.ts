import { describe, expect, it } from 'vitest';
import { languageName, preferredLocale } from './locale-names.js';

const supported = ['zh-Hans', 'zh-Hant', 'en'] as const;

describe('languageName', () => {
	it.each([
		['zh-Hans', '简体中文'],
		['zh-Hant', '繁體中文'],
		['en', 'English'],
	])('names %s in itself as %s', (locale, name) => {
		expect(languageName(locale)).toBe(name);
	});

	it('falls back to the tag for something that is not a locale', () => {
		expect(languageName('not a locale')).toBe('not a locale');
	});
});

describe('preferredLocale', () => {
	it.each<[readonly string[], string | undefined]>([
		[['zh-CN'], 'zh-Hans'],
		[['zh'], 'zh-Hans'],
		[['zh-SG'], 'zh-Hans'],
		[['zh-TW'], 'zh-Hant'],
		[['zh-HK'], 'zh-Hant'],
		[['zh-MO'], 'zh-Hant'],
		[['zh-Hant'], 'zh-Hant'],
		[['en-GB'], 'en'],
		[['en-US', 'zh-CN'], 'en'],
		[['fr-FR', 'zh-TW'], 'zh-Hant'],
		[['fr-FR', 'de'], undefined],
		[[], undefined],
		[['%%', 'en'], 'en'],
	])('picks from %j the locale %s', (preferences, expected) => {
		expect(preferredLocale(preferences, supported)).toBe(expected);
	});
});
