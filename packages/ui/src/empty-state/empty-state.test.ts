import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findAll, findOne, textOf } from '../test-support/markup.js';
import { markupSnippet } from '../test-support/snippet.js';
import EmptyState from './empty-state.svelte';

describe('EmptyState', () => {
	it('shows its title as a heading and its description', () => {
		const { body } = render(EmptyState, {
			props: { title: '暂无工单', description: '新的报修会出现在这里。' },
		});
		expect(findAll(body, { tag: 'h2' })).toHaveLength(1);
		expect(textOf(body)).toBe('暂无工单 新的报修会出现在这里。');
	});

	it('hides its decorative icon from assistive technology', () => {
		const { body } = render(EmptyState, { props: { title: '暂无工单', icon: markupSnippet('<svg></svg>') } });
		const hidden = findOne(body, { attribute: 'aria-hidden', value: 'true' });
		expect(hidden.attributes.get('class')).toMatch(/^icon\b/);
	});

	it('offers its action', () => {
		const { body } = render(EmptyState, {
			props: { title: '暂无工单', action: markupSnippet('<button type="button">新建工单</button>') },
		});
		expect(findAll(body, { tag: 'button' })).toHaveLength(1);
	});

	it('leaves out what it was not given', () => {
		const { body } = render(EmptyState, { props: { title: '暂无工单', headingLevel: 3 } });
		expect(findAll(body, { tag: 'p' })).toHaveLength(0);
		expect(findAll(body, { attribute: 'aria-hidden' })).toHaveLength(0);
		expect(findAll(body, { tag: 'h3' })).toHaveLength(1);
	});
});
