import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findOne, textOf } from '../test-support/markup.js';
import { markupSnippet } from '../test-support/snippet.js';
import Badge from './badge.svelte';
import type { BadgeTone } from './types.js';

describe('Badge', () => {
	it.each<BadgeTone>(['urgent', 'important', 'general', 'on_track', 'at_risk', 'breached', 'neutral'])(
		'exposes tone %s as data-tone',
		(tone) => {
			const { body } = render(Badge, { props: { tone, children: markupSnippet('<span>紧急</span>') } });
			expect(findOne(body, { attribute: 'data-tone' }).attributes.get('data-tone')).toBe(tone);
		},
	);

	it('is neutral unless told otherwise', () => {
		const { body } = render(Badge, { props: { children: markupSnippet('<span>草稿</span>') } });
		expect(findOne(body, { attribute: 'data-tone' }).attributes.get('data-tone')).toBe('neutral');
	});

	it('carries its meaning in words, with the colour dot hidden from assistive technology', () => {
		const { body } = render(Badge, {
			props: { tone: 'breached', children: markupSnippet('<span>已超时</span>') },
		});
		expect(textOf(body)).toBe('已超时');
		const hidden = findOne(body, { attribute: 'aria-hidden', value: 'true' });
		expect(hidden.attributes.get('class')).toMatch(/^dot\b/);
	});

	it('passes attributes through', () => {
		const { body } = render(Badge, {
			props: {
				tone: 'urgent',
				title: 'SLA',
				'aria-label': '紧急工单',
				children: markupSnippet('<span>紧急</span>'),
			},
		});
		const badge = findOne(body, { attribute: 'data-tone' });
		expect(badge.attributes.get('aria-label')).toBe('紧急工单');
		expect(badge.attributes.get('title')).toBe('SLA');
	});
});
