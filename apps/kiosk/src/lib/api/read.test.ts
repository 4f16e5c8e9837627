import { describe, expect, it } from 'vitest';
import {
	arrayOf,
	boolean,
	instant,
	nullable,
	number,
	object,
	oneOf,
	read,
	string,
	withDefault,
} from './read';

describe('read', () => {
	const Notice = object({
		id: string,
		pinned: boolean,
		rank: number,
		publishAt: instant,
		expireAt: nullable(instant),
		state: oneOf(['active', 'expired']),
		tags: arrayOf(string),
		note: withDefault(string, ''),
	});

	it('reads an object of the shape, dates as Dates, and ignores other fields', () => {
		expect(
			read(Notice, {
				id: 'n1',
				pinned: true,
				rank: 2,
				publishAt: '2026-03-02T01:00:00.000Z',
				expireAt: null,
				state: 'active',
				tags: ['a'],
				extra: 'ignored',
			}),
		).toEqual({
			id: 'n1',
			pinned: true,
			rank: 2,
			publishAt: new Date('2026-03-02T01:00:00.000Z'),
			expireAt: null,
			state: 'active',
			tags: ['a'],
			note: '',
		});
	});

	it.each([
		['a missing field', { id: undefined }],
		['a wrong type', { id: 1 }],
		['an unknown enum value', { state: 'deleted' }],
		['a date that is not one', { publishAt: 'yesterday' }],
		['a list that is not one', { tags: 'a' }],
	])('gives null for %s', (_, change) => {
		const valid = {
			id: 'n1',
			pinned: true,
			rank: 1,
			publishAt: '2026-03-02T01:00:00.000Z',
			expireAt: null,
			state: 'active',
			tags: [],
		};
		expect(read(Notice, { ...valid, ...change })).toBeNull();
	});

	it('gives null for something that is not an object at all', () => {
		expect(read(Notice, 'text')).toBeNull();
		expect(read(Notice, null)).toBeNull();
		expect(read(Notice, [])).toBeNull();
	});

	it('refuses numbers that are not finite', () => {
		expect(read(number, Number.NaN)).toBeNull();
	});
});
