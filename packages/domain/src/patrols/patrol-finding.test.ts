import { describe, expect, it } from 'vitest';
import { PatrolFinding } from './patrol-finding';

describe('PatrolFinding', () => {
	it('keeps a finding with its kind, trimmed text and photo', () => {
		expect(
			PatrolFinding.parse({ kind: 'fire_safety', text: ' 消防通道被电动车堵塞 ', photoAttachmentId: 'p-1' }),
		).toEqual({
			kind: 'fire_safety',
			text: '消防通道被电动车堵塞',
			photoAttachmentId: 'p-1',
		});
	});

	it.each([
		['an unknown kind', { kind: 'ghost', text: 'x' }, 'kind'],
		['blank text', { kind: 'other', text: '   ' }, 'text'],
		['text longer than 1,000 characters', { kind: 'other', text: 'x'.repeat(1001) }, 'text'],
	])('refuses %s', (_case, input, path) => {
		const parsed = PatrolFinding.safeParse(input);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.path).toEqual([path]);
	});
});
