import { describe, expect, it } from 'vitest';
import { statusPageLocale } from './status-page-locale';

describe('statusPageLocale', () => {
	it.each([
		['zh-Hans', undefined, 'zh-Hans'],
		['zh-Hant', 'en', 'zh-Hant'],
		['en', 'zh-CN', 'en'],
		['EN', 'zh-TW', 'zh-Hant'],
		[undefined, undefined, 'zh-Hans'],
		[undefined, '', 'zh-Hans'],
		[undefined, 'zh-CN,zh;q=0.9', 'zh-Hans'],
		[undefined, 'zh-HK', 'zh-Hant'],
		[undefined, 'zh-Hant-TW', 'zh-Hant'],
		[undefined, 'zh-MO;q=0.8,en;q=0.9', 'en'],
		[undefined, 'en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
		[undefined, 'fr-FR,zh-SG;q=0.5', 'zh-Hans'],
		[undefined, 'de-DE,fr;q=0.7', 'zh-Hans'],
		[undefined, 'en;q=0,zh-TW;q=0.1', 'zh-Hant'],
		[undefined, 'en;q=abc,zh', 'zh-Hans'],
		[undefined, '*', 'zh-Hans'],
	])('?lang=%j with Accept-Language %j is %s', (query, header, expected) => {
		expect(statusPageLocale(query, header)).toBe(expected);
	});
});
