import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findAll, findOne } from '../test-support/markup.js';
import Keypad from './keypad.svelte';
import { BACK_KEY, DIGIT_KEYS, pressKey } from './keypad-entry.js';

describe('Keypad', () => {
	it('is a group of buttons named by its label, one per key plus the back key', () => {
		const { body } = render(Keypad, {
			props: { keys: DIGIT_KEYS, label: '手机后四位', backLabel: '删除', onKey: () => {} },
		});
		expect(findOne(body, { attribute: 'role', value: 'group' }).attributes.get('aria-label')).toBe(
			'手机后四位',
		);
		const buttons = findAll(body, { tag: 'button' });
		expect(buttons).toHaveLength(11);
		expect(buttons.every((button) => button.attributes.get('type') === 'button')).toBe(true);
	});

	it('carries each key in data-key by default, the back key as "back" with its own name', () => {
		const { body } = render(Keypad, {
			props: { keys: DIGIT_KEYS, label: 'Digits', backLabel: 'Delete', onKey: () => {} },
		});
		expect(findAll(body, { attribute: 'data-key' }).map((key) => key.attributes.get('data-key'))).toEqual([
			...DIGIT_KEYS,
			BACK_KEY,
		]);
		expect(findOne(body, { attribute: 'data-key', value: BACK_KEY }).attributes.get('aria-label')).toBe(
			'Delete',
		);
	});

	it('uses another data attribute when asked, so two keypads on a screen stay apart', () => {
		const { body } = render(Keypad, {
			props: { keys: ['A', 'B'], attribute: 'code-key', label: 'Code', backLabel: 'Delete', onKey: () => {} },
		});
		expect(findAll(body, { attribute: 'data-key' })).toHaveLength(0);
		expect(
			findAll(body, { attribute: 'data-code-key' }).map((key) => key.attributes.get('data-code-key')),
		).toEqual(['A', 'B', 'back']);
	});

	it('disables every key while disabled', () => {
		const { body } = render(Keypad, {
			props: { keys: ['1', '2'], label: 'Digits', backLabel: 'Delete', disabled: true, onKey: () => {} },
		});
		expect(findAll(body, { tag: 'button' }).every((button) => button.attributes.has('disabled'))).toBe(true);
	});

	it('lays its keys out in the given number of columns', () => {
		const { body } = render(Keypad, {
			props: { keys: ['A'], label: 'Code', backLabel: 'Delete', columns: 8, onKey: () => {} },
		});
		expect(findOne(body, { attribute: 'role', value: 'group' }).attributes.get('style')).toContain(
			'--keypad-columns: 8',
		);
	});
});

describe('pressKey', () => {
	it.each([
		['', '1', '1'],
		['12', '3', '123'],
		['1234', '5', '1234'],
		['123', BACK_KEY, '12'],
		['', BACK_KEY, ''],
		['12', 'x', '12'],
	])('on %j, pressing %j gives %j (4 digits at most)', (entry, key, expected) => {
		expect(pressKey(entry, key, DIGIT_KEYS, 4)).toBe(expected);
	});
});
