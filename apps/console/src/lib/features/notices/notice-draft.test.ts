import { describe, expect, it } from 'vitest';
import type { Notice } from '$lib/api/notices';
import { byKioskOrder, checkDraft, draftOf, FIELD_OF, fieldOfPath } from './notice-draft';
import type { NoticeDraft } from './notice-draft';

const zone = 'Asia/Shanghai';
const now = new Date('2026-03-02T09:05:00+08:00');

const notice: Notice = {
	id: 'n-1',
	title: '停水通知',
	body: '3月5日 9:00–12:00 2栋停水检修。',
	audience: { scope: 'buildings', buildingIds: ['b-2'] },
	pinned: true,
	publishAt: new Date('2026-03-04T18:00:00+08:00'),
	expireAt: new Date('2026-03-05T12:00:00+08:00'),
	state: 'scheduled',
	createdBy: 's-1',
	createdAt: now,
	updatedAt: now,
};

const valid: NoticeDraft = {
	title: '  电梯年检  ',
	body: ' 1栋电梯周三上午年检。 ',
	pinned: false,
	publishAt: '2026-03-02T09:05',
	expireAt: '2026-03-04T18:00',
	scope: 'estate',
	buildingIds: [],
};

describe('draftOf', () => {
	it('starts a new notice for the whole estate, published now on the estate’s wall clock', () => {
		expect(draftOf(null, now, zone)).toEqual({
			title: '',
			body: '',
			pinned: false,
			publishAt: '2026-03-02T09:05',
			expireAt: '',
			scope: 'estate',
			buildingIds: [],
		});
	});

	it('shows an existing notice’s times in the estate’s zone, whatever the browser’s zone', () => {
		expect(draftOf(notice, now, zone)).toEqual({
			title: '停水通知',
			body: '3月5日 9:00–12:00 2栋停水检修。',
			pinned: true,
			publishAt: '2026-03-04T18:00',
			expireAt: '2026-03-05T12:00',
			scope: 'buildings',
			buildingIds: ['b-2'],
		});
	});

	it('leaves the expiry empty for a notice that never expires', () => {
		expect(draftOf({ ...notice, expireAt: null, audience: { scope: 'estate' } }, now, zone)).toMatchObject({
			expireAt: '',
			scope: 'estate',
			buildingIds: [],
		});
	});
});

describe('checkDraft', () => {
	it('turns a valid draft into the api’s body with trimmed text and instants', () => {
		expect(checkDraft(valid, zone)).toEqual({
			ok: true,
			input: {
				title: '电梯年检',
				body: '1栋电梯周三上午年检。',
				pinned: false,
				publishAt: '2026-03-02T01:05:00.000Z',
				expireAt: '2026-03-04T10:00:00.000Z',
				audience: { scope: 'estate' },
			},
		});
	});

	it('sends no expiry when the field is empty, and the chosen buildings for a building audience', () => {
		const result = checkDraft(
			{ ...valid, expireAt: '', scope: 'buildings', buildingIds: ['b-1', 'b-3'] },
			zone,
		);
		expect(result).toMatchObject({
			ok: true,
			input: { expireAt: null, audience: { scope: 'buildings', buildingIds: ['b-1', 'b-3'] } },
		});
	});

	it.each<[string, Partial<NoticeDraft>, string[]]>([
		['an empty title', { title: '   ' }, ['title_required']],
		['a title over 120 characters', { title: '公'.repeat(121) }, ['title_too_long']],
		['an empty body', { body: '' }, ['body_required']],
		['a body over 5000 characters', { body: 'x'.repeat(5001) }, ['body_too_long']],
		['an unreadable publish time', { publishAt: '' }, ['publish_invalid']],
		['an unreadable expiry', { expireAt: '2026-03-04' }, ['expire_invalid']],
		['an expiry at the publish time', { expireAt: '2026-03-02T09:05' }, ['expire_not_after_publish']],
		['an expiry before the publish time', { expireAt: '2026-03-01T23:00' }, ['expire_not_after_publish']],
		['a building audience without buildings', { scope: 'buildings' }, ['buildings_required']],
		[
			'several faults at once',
			{ title: '', body: '', scope: 'buildings' },
			['title_required', 'body_required', 'buildings_required'],
		],
	])('refuses %s', (_, change, problems) => {
		expect(checkDraft({ ...valid, ...change }, zone)).toEqual({ ok: false, problems });
	});

	it('reads the wall clock in the estate’s zone, not UTC', () => {
		const result = checkDraft({ ...valid, expireAt: '' }, 'Europe/London');
		expect(result.ok && result.input.publishAt).toBe('2026-03-02T09:05:00.000Z');
	});
});

describe('fieldOfPath', () => {
	it.each([
		['title', 'title'],
		['audience.buildingIds', 'audience'],
		['audience/buildingIds/0', 'audience'],
		['expireAt', 'expireAt'],
		['/publishAt', 'publishAt'],
		['pinned', null],
		['', null],
	])('places the api’s error at %j on the %s field', (path, field) => {
		expect(fieldOfPath(path)).toBe(field);
	});

	it('places every draft problem on a form field', () => {
		expect(Object.values(FIELD_OF).every((field) => fieldOfPath(field) === field)).toBe(true);
	});
});

describe('byKioskOrder', () => {
	it('puts pinned notices first, then the newest', () => {
		const at = (iso: string) => new Date(iso);
		const notices = [
			{ id: 'old', pinned: false, publishAt: at('2026-03-01T08:00:00Z') },
			{ id: 'pinned-old', pinned: true, publishAt: at('2026-02-01T08:00:00Z') },
			{ id: 'new', pinned: false, publishAt: at('2026-03-02T08:00:00Z') },
			{ id: 'pinned-new', pinned: true, publishAt: at('2026-02-20T08:00:00Z') },
		];
		expect([...notices].sort(byKioskOrder).map((n) => n.id)).toEqual([
			'pinned-new',
			'pinned-old',
			'new',
			'old',
		]);
	});
});
