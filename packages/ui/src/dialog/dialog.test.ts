import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { findOne, textOf } from '../test-support/markup.js';
import { markupSnippet } from '../test-support/snippet.js';
import Dialog from './dialog.svelte';

describe('Dialog', () => {
	it('names itself by its title and exposes its state', () => {
		const { body } = render(Dialog, {
			props: { open: true, title: '登录已过期', children: markupSnippet('<p>请重新登录</p>') },
		});
		const dialog = findOne(body, { tag: 'dialog' });
		const heading = findOne(body, { tag: 'h2' });
		expect(dialog.attributes.get('aria-labelledby')).toBe(heading.attributes.get('id'));
		expect(dialog.attributes.get('data-state')).toBe('open');
		expect(textOf(body)).toContain('请重新登录');
	});

	it('offers a labelled close button only when it may be closed', () => {
		const closable = render(Dialog, {
			props: {
				open: true,
				title: '派单',
				closeLabel: '关闭',
				onClose: () => {},
				children: markupSnippet('<p>x</p>'),
			},
		}).body;
		expect(findOne(closable, { tag: 'button' }).attributes.get('aria-label')).toBe('关闭');
		const mustAnswer = render(Dialog, {
			props: { open: true, title: '登录已过期', children: markupSnippet('<p>x</p>') },
		}).body;
		expect(mustAnswer).not.toContain('<button');
	});
});
