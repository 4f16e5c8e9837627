import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findAll, findOne } from '../test-support/markup.js';
import LanguageSwitch from './language-switch.svelte';
import { LanguageSwitchState } from './language-switch.svelte.js';
import type { LanguageOption } from './types.js';

type Locale = 'zh-Hans' | 'zh-Hant' | 'en';

const options: readonly LanguageOption<Locale>[] = [
	{ value: 'zh-Hans', label: '简体中文' },
	{ value: 'zh-Hant', label: '繁體中文' },
	{ value: 'en', label: 'English' },
];

describe('LanguageSwitch', () => {
	it('is a radio group named by its label', () => {
		const { body } = render(LanguageSwitch<Locale>, { props: { options, value: 'zh-Hans', label: '语言' } });
		const group = findOne(body, { attribute: 'role', value: 'radiogroup' });
		expect(group.attributes.get('aria-label')).toBe('语言');
		expect(findAll(body, { attribute: 'role', value: 'radio' })).toHaveLength(3);
	});

	it('checks the current language and gives it the only tab stop', () => {
		const { body } = render(LanguageSwitch<Locale>, { props: { options, value: 'zh-Hant', label: '語言' } });
		const radios = findAll(body, { attribute: 'role', value: 'radio' });
		expect(radios.map((radio) => radio.attributes.get('aria-checked'))).toEqual(['false', 'true', 'false']);
		expect(radios.map((radio) => radio.attributes.get('data-state'))).toEqual([
			'unchecked',
			'checked',
			'unchecked',
		]);
		expect(radios.map((radio) => radio.attributes.get('tabindex'))).toEqual(['-1', '0', '-1']);
	});

	it('marks each label with its own language so screen readers pronounce it right', () => {
		const { body } = render(LanguageSwitch<Locale>, { props: { options, value: 'en', label: 'Language' } });
		const radios = findAll(body, { attribute: 'role', value: 'radio' });
		expect(radios.map((radio) => radio.attributes.get('lang'))).toEqual(['zh-Hans', 'zh-Hant', 'en']);
	});

	it('names each option’s locale in data-locale, for tests and styles to find it in any language', () => {
		const { body } = render(LanguageSwitch<Locale>, { props: { options, value: 'en', label: 'Language' } });
		const radios = findAll(body, { attribute: 'role', value: 'radio' });
		expect(radios.map((radio) => radio.attributes.get('data-locale'))).toEqual(['zh-Hans', 'zh-Hant', 'en']);
	});

	it('exposes the kiosk size for 64 px touch targets', () => {
		const { body } = render(LanguageSwitch<Locale>, {
			props: { options, value: 'en', label: 'Language', size: 'kiosk' },
		});
		expect(findOne(body, { attribute: 'role', value: 'radiogroup' }).attributes.get('data-size')).toBe(
			'kiosk',
		);
	});
});

describe('LanguageSwitchState', () => {
	const groupAt = (value: Locale, selected: Locale[] = []) =>
		new LanguageSwitchState<Locale>({
			options: () => options,
			value: () => value,
			onSelect: (next) => selected.push(next),
		});

	it.each<[string, Locale, Locale]>([
		['ArrowRight', 'zh-Hans', 'zh-Hant'],
		['ArrowDown', 'zh-Hant', 'en'],
		['ArrowRight', 'en', 'zh-Hans'],
		['ArrowLeft', 'zh-Hant', 'zh-Hans'],
		['ArrowUp', 'zh-Hans', 'en'],
		['Home', 'en', 'zh-Hans'],
		['End', 'zh-Hans', 'en'],
	])('%s from %s leads to %s', (key, from, to) => {
		expect(groupAt(from).target(key, from)).toBe(to);
	});

	it.each(['Enter', ' ', 'Tab', 'a'])('ignores the %j key', (key) => {
		expect(groupAt('zh-Hans').target(key, 'zh-Hans')).toBeUndefined();
	});

	it('selects a different language and reports it once', () => {
		const selected: Locale[] = [];
		groupAt('zh-Hans', selected).select('en');
		expect(selected).toEqual(['en']);
	});

	it('does not report choosing the language already chosen', () => {
		const selected: Locale[] = [];
		groupAt('zh-Hans', selected).select('zh-Hans');
		expect(selected).toEqual([]);
	});

	it('puts the tab stop on the first option when the value is not among them', () => {
		const group = new LanguageSwitchState<string>({
			options: () => options,
			value: () => 'fr',
			onSelect: () => {},
		});
		expect(group.tabStop).toBe('zh-Hans');
		expect(group.tabIndexOf('zh-Hans')).toBe(0);
		expect(group.tabIndexOf('en')).toBe(-1);
	});

	it('has nowhere to go without options', () => {
		const group = new LanguageSwitchState<string>({
			options: () => [],
			value: () => 'en',
			onSelect: () => {},
		});
		expect(group.target('ArrowRight', 'en')).toBeUndefined();
		expect(group.tabStop).toBeUndefined();
	});
});
