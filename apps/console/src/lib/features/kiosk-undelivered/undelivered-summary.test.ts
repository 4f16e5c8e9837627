import { describe, expect, it } from 'vitest';
import { refusalReason, undeliveredSummary } from './undelivered-summary';

describe('undeliveredSummary', () => {
	it('reads what the resident asked for out of a well-formed filing', () => {
		expect(
			undeliveredSummary({
				roomId: 'r1',
				kind: 'booking',
				category: 'cleaning_deep',
				description: '  全屋深度保洁  ',
				desiredWindow: { from: '2026-03-03T01:00:00.000Z', to: '2026-03-03T04:00:00.000Z' },
				areaM2: 128.5,
				attachments: ['p1', 'p2'],
			}),
		).toEqual({
			kind: 'booking',
			category: 'cleaning_deep',
			description: '全屋深度保洁',
			desiredWindow: { from: new Date('2026-03-03T01:00:00.000Z'), to: new Date('2026-03-03T04:00:00.000Z') },
			areaM2: 128.5,
			photoCount: 2,
		});
	});

	it.each([
		['nothing at all', {}],
		[
			'values of the wrong kind',
			{
				kind: 'teleport',
				category: 42,
				description: '   ',
				desiredWindow: { from: 'soon', to: null },
				areaM2: -3,
				attachments: 'p1',
			},
		],
		['a window that is not an object', { desiredWindow: 'tomorrow morning', areaM2: Number.NaN }],
	])('shows nothing it cannot read from %s', (_, filing) => {
		expect(undeliveredSummary(filing)).toEqual({
			kind: null,
			category: null,
			description: null,
			desiredWindow: null,
			areaM2: null,
			photoCount: 0,
		});
	});
});

describe('refusalReason', () => {
	it.each([
		[
			{ status: 422, title: 'Unprocessable Content', detail: 'The digits do not match.', code: 'X' },
			'The digits do not match.',
		],
		[{ status: 422, title: 'Unprocessable Content', detail: '  ', code: null }, 'Unprocessable Content'],
		[{ status: 404, title: 'Not Found', detail: null, code: null }, 'Not Found'],
	])('says %j as %j', (problem, expected) => {
		expect(refusalReason(problem)).toBe(expected);
	});
});
