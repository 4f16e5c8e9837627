import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findAll, findOne, textOf } from '../test-support/markup.js';
import { markupSnippet } from '../test-support/snippet.js';
import Card from './card.svelte';

const body = markupSnippet('<p>运行正常</p>');

describe('Card', () => {
	it('is a region named by its title', () => {
		const { body: html } = render(Card, {
			props: { title: markupSnippet('<span>系统状态</span>'), children: body },
		});
		const section = findOne(html, { tag: 'section' });
		const heading = findOne(html, { tag: 'h2' });
		expect(heading.attributes.get('id')).toBeTruthy();
		expect(section.attributes.get('aria-labelledby')).toBe(heading.attributes.get('id'));
		expect(textOf(html)).toBe('系统状态 运行正常');
	});

	it.each([2, 3, 4] as const)('uses an h%i heading when asked', (headingLevel) => {
		const { body: html } = render(Card, {
			props: { title: markupSnippet('<span>标题</span>'), headingLevel, children: body },
		});
		expect(findAll(html, { tag: `h${headingLevel}` })).toHaveLength(1);
	});

	it('gives every card its own heading id', () => {
		const { body: html } = render(Card, {
			props: { title: markupSnippet('<span>甲</span>'), children: body },
			idPrefix: 'a',
		});
		const { body: other } = render(Card, {
			props: { title: markupSnippet('<span>乙</span>'), children: body },
			idPrefix: 'b',
		});
		expect(findOne(html, { tag: 'h2' }).attributes.get('id')).not.toBe(
			findOne(other, { tag: 'h2' }).attributes.get('id'),
		);
	});

	it('without a title is not labelled and has no header', () => {
		const { body: html } = render(Card, { props: { children: body } });
		expect(findOne(html, { tag: 'section' }).attributes.has('aria-labelledby')).toBe(false);
		expect(findAll(html, { tag: 'header' })).toHaveLength(0);
	});

	it('renders actions beside the title', () => {
		const { body: html } = render(Card, {
			props: {
				title: markupSnippet('<span>系统状态</span>'),
				actions: markupSnippet('<button type="button">刷新</button>'),
				children: body,
			},
		});
		expect(findAll(html, { tag: 'button' })).toHaveLength(1);
		expect(textOf(html)).toContain('刷新');
	});
});
