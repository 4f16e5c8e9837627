import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findOne, textOf } from '../test-support/markup.js';
import Spinner from './spinner.svelte';

describe('Spinner', () => {
	it('is a status that reads out the label it is given', () => {
		const { body } = render(Spinner, { props: { label: '正在加载' } });
		expect(findOne(body, { attribute: 'role', value: 'status' })).toBeDefined();
		expect(textOf(body)).toBe('正在加载');
	});

	it('shows the label only to assistive technology unless asked', () => {
		const hidden = render(Spinner, { props: { label: 'Loading' } }).body;
		const shown = render(Spinner, { props: { label: 'Loading', showLabel: true } }).body;
		expect(hidden).toMatch(/class="visually-hidden[^"]*">Loading</);
		expect(shown).toMatch(/class="label[^"]*">Loading</);
	});

	it('hides the spinning ring from assistive technology', () => {
		const { body } = render(Spinner, { props: { label: '正在加载', size: 'lg' } });
		expect(findOne(body, { attribute: 'aria-hidden', value: 'true' }).attributes.get('class')).toMatch(
			/^ring\b/,
		);
		expect(findOne(body, { attribute: 'role', value: 'status' }).attributes.get('data-size')).toBe('lg');
	});
});
