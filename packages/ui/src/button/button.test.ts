import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findOne, textOf } from '../test-support/markup.js';
import { markupSnippet } from '../test-support/snippet.js';
import Button from './button.svelte';
import { ButtonStatus } from './button.svelte.js';
import { buttonSizes, buttonVariants } from './types.js';

const label = markupSnippet('<span>保存</span>');

describe('Button', () => {
	it('renders a plain button that does not submit forms by default', () => {
		const { body } = render(Button, { props: { variant: 'primary', children: label } });
		const button = findOne(body, { tag: 'button' });
		expect(button.attributes.get('type')).toBe('button');
		expect(button.attributes.get('data-state')).toBe('idle');
		expect(button.attributes.has('disabled')).toBe(false);
		expect(button.attributes.has('aria-busy')).toBe(false);
		expect(textOf(body)).toBe('保存');
	});

	it.each(buttonVariants.flatMap((variant) => buttonSizes.map((size) => [variant, size] as const)))(
		'exposes variant %s and size %s as data attributes',
		(variant, size) => {
			const { body } = render(Button, { props: { variant, size, children: label } });
			const button = findOne(body, { tag: 'button' });
			expect(button.attributes.get('data-variant')).toBe(variant);
			expect(button.attributes.get('data-size')).toBe(size);
		},
	);

	it('is busy and cannot be pressed again while loading', () => {
		const { body } = render(Button, { props: { loading: true, children: label } });
		const button = findOne(body, { tag: 'button' });
		expect(button.attributes.get('aria-busy')).toBe('true');
		expect(button.attributes.get('data-state')).toBe('loading');
		expect(button.attributes.has('disabled')).toBe(true);
	});

	it('is disabled when asked, without claiming to be busy', () => {
		const { body } = render(Button, { props: { disabled: true, children: label } });
		const button = findOne(body, { tag: 'button' });
		expect(button.attributes.get('data-state')).toBe('disabled');
		expect(button.attributes.has('disabled')).toBe(true);
		expect(button.attributes.has('aria-busy')).toBe(false);
	});

	it('passes other attributes through and keeps its own class beside the caller’s', () => {
		const { body } = render(Button, {
			props: { type: 'submit', class: 'wide', 'aria-describedby': 'hint', children: label },
		});
		const button = findOne(body, { tag: 'button' });
		expect(button.attributes.get('type')).toBe('submit');
		expect(button.attributes.get('aria-describedby')).toBe('hint');
		expect(button.attributes.get('class')?.split(' ')).toEqual(expect.arrayContaining(['button', 'wide']));
	});

	it('renders a link that looks like a button when given an href', () => {
		const { body } = render(Button, {
			props: { href: '/kiosk/request/repair', size: 'kiosk', children: label },
		});
		const link = findOne(body, { tag: 'a' });
		expect(link.attributes.get('href')).toBe('/kiosk/request/repair');
		expect(link.attributes.get('data-size')).toBe('kiosk');
		expect(link.attributes.has('aria-disabled')).toBe(false);
	});

	it('turns a disabled link into a disabled-looking link that leads nowhere', () => {
		const { body } = render(Button, { props: { href: '/kiosk/follow', disabled: true, children: label } });
		const link = findOne(body, { tag: 'a' });
		expect(link.attributes.has('href')).toBe(false);
		expect(link.attributes.get('role')).toBe('link');
		expect(link.attributes.get('aria-disabled')).toBe('true');
		expect(link.attributes.get('data-state')).toBe('disabled');
	});
});

describe('ButtonStatus', () => {
	it.each([
		{ loading: false, disabled: false, state: 'idle', inert: false, ariaBusy: undefined },
		{ loading: false, disabled: true, state: 'disabled', inert: true, ariaBusy: undefined },
		{ loading: true, disabled: false, state: 'loading', inert: true, ariaBusy: 'true' },
		{ loading: true, disabled: true, state: 'loading', inert: true, ariaBusy: 'true' },
	])(
		'is $state when loading=$loading and disabled=$disabled',
		({ loading, disabled, state, inert, ariaBusy }) => {
			const status = new ButtonStatus({ loading: () => loading, disabled: () => disabled });
			expect(status.state).toBe(state);
			expect(status.inert).toBe(inert);
			expect(status.ariaBusy).toBe(ariaBusy);
		},
	);

	it('follows its inputs when they change', () => {
		let loading = false;
		const status = new ButtonStatus({ loading: () => loading, disabled: () => false });
		expect(status.state).toBe('idle');
		loading = true;
		expect(status.state).toBe('loading');
	});
});
