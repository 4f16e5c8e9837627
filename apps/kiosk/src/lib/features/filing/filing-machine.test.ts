import { describe, expect, it } from 'vitest';
import { areaOf, descriptionOf, filingOf } from './filing-body';
import type { FilingWords } from './filing-body';
import { needsVerification, problemOf, reduceFiling, startFiling, stepsOf } from './filing-machine';
import type { FilingKind } from './filing-kinds';
import type { FilingDraft, FilingEvent } from './filing-machine';

const building = { id: 'b-1', number: '3' };
const unit = { id: 'u-1', number: '2' };
const room = { id: '6f1d0c1e-7c53-4a43-9a55-1f0f5f9d8a01', number: '1502' };
const asap = { key: 'asap', window: null };

const run = (kind: FilingKind, ...events: FilingEvent[]): FilingDraft =>
	events.reduce(reduceFiling, startFiling(kind));

const toRoom: FilingEvent[] = [
	{ type: 'choosePlace', place: 'home' },
	{ type: 'chooseBuilding', building },
	{ type: 'chooseUnit', unit },
	{ type: 'chooseRoom', room },
];
const digits = (value: string): FilingEvent[] => [...value].map((key) => ({ type: 'digitKey', key }));

/** A repair walked to the verify step. */
const repairAtVerify = (): FilingDraft =>
	run(
		'repair',
		{ type: 'chooseCategory', category: 'plumbing' },
		...toRoom,
		{ type: 'togglePhrase', phrase: 'burst_pipe' },
		{ type: 'next' },
		{ type: 'chooseWindow', window: asap },
	);

describe('stepsOf', () => {
	it.each<[FilingKind, string[]]>([
		['repair', ['category', 'place', 'details', 'when', 'verify', 'review', 'receipt']],
		['complaint', ['category', 'place', 'details', 'verify', 'review', 'receipt']],
		['suggestion', ['category', 'place', 'details', 'verify', 'review', 'receipt']],
		['booking', ['category', 'place', 'details', 'booking', 'when', 'verify', 'review', 'receipt']],
	])('a %s goes through %j', (kind, steps) => {
		expect(stepsOf(kind)).toEqual(steps);
	});
});

describe('reduceFiling', () => {
	it('moves on by itself once the category is chosen', () => {
		expect(run('repair', { type: 'chooseCategory', category: 'plumbing' })).toMatchObject({
			step: 'place',
			category: 'plumbing',
		});
	});

	it('says what is missing instead of moving on', () => {
		const draft = run('repair', { type: 'chooseCategory', category: 'plumbing' }, { type: 'next' });
		expect(draft).toMatchObject({ step: 'place', problem: { code: 'place_required' } });
		expect(reduceFiling(draft, { type: 'choosePlace', place: 'home' }).problem).toBeNull();
	});

	it('picks building, unit and room in turn, a new building clearing the rest, and moves on with the room', () => {
		let draft = run('repair', { type: 'chooseCategory', category: 'plumbing' }, ...toRoom.slice(0, 3));
		expect(draft).toMatchObject({ step: 'place', unit, room: null });
		draft = reduceFiling(draft, { type: 'chooseBuilding', building: { id: 'b-2', number: '5' } });
		expect(draft).toMatchObject({ unit: null, room: null });
		draft = reduceFiling(reduceFiling(draft, { type: 'chooseUnit', unit }), { type: 'chooseRoom', room });
		expect(draft).toMatchObject({ step: 'details', room });
	});

	it('asks for the household’s room also for a problem in a public place', () => {
		let draft = run(
			'complaint',
			{ type: 'chooseCategory', category: 'sanitation' },
			{ type: 'choosePlace', place: 'public' },
			{ type: 'next' },
		);
		expect(draft.problem?.code).toBe('public_place_required');
		draft = reduceFiling(draft, { type: 'choosePublicPlace', publicPlace: { id: 'p-1', name: '中心花园' } });
		expect(reduceFiling(draft, { type: 'next' }).problem?.code).toBe('room_required');
		draft = toRoom.slice(1).reduce(reduceFiling, draft);
		expect(draft).toMatchObject({ step: 'details', place: 'public', publicPlace: { id: 'p-1' } });
	});

	it('forgets the public place when the resident says it is at home after all', () => {
		const draft = run(
			'repair',
			{ type: 'choosePublicPlace', publicPlace: { id: 'p-1', name: '中心花园' } },
			{ type: 'choosePlace', place: 'home' },
		);
		expect(draft).toMatchObject({ place: 'home', publicPlace: null });
	});

	it('needs a phrase or some words for what happened, but not for a booking', () => {
		const repair = run('repair', { type: 'chooseCategory', category: 'plumbing' }, ...toRoom, {
			type: 'next',
		});
		expect(repair.problem?.code).toBe('description_required');
		expect(reduceFiling(reduceFiling(repair, { type: 'writeText', text: '  ' }), { type: 'next' }).step).toBe(
			'details',
		);
		expect(
			reduceFiling(reduceFiling(repair, { type: 'writeText', text: '门铃坏了' }), { type: 'next' }).step,
		).toBe('when');
		const booking = run('booking', { type: 'chooseCategory', category: 'greening' }, ...toRoom, {
			type: 'next',
		});
		expect(booking.step).toBe('booking');
	});

	it('toggles phrase chips and clears them when another category is chosen', () => {
		let draft = run(
			'repair',
			{ type: 'chooseCategory', category: 'plumbing' },
			{ type: 'togglePhrase', phrase: 'burst_pipe' },
			{ type: 'togglePhrase', phrase: 'tap_dripping' },
			{ type: 'togglePhrase', phrase: 'burst_pipe' },
		);
		expect(draft.phrases).toEqual(['tap_dripping']);
		draft = reduceFiling(draft, { type: 'back' });
		expect(reduceFiling(draft, { type: 'chooseCategory', category: 'plumbing' }).phrases).toEqual([
			'tap_dripping',
		]);
		expect(reduceFiling(draft, { type: 'chooseCategory', category: 'electrical' }).phrases).toEqual([]);
	});

	it('keeps free text to 500 characters', () => {
		expect(run('suggestion', { type: 'writeText', text: 'x'.repeat(600) }).text).toHaveLength(500);
	});

	it('asks deep cleaning for its area, typed on the keypad without leading zeros', () => {
		let draft = run(
			'booking',
			{ type: 'chooseCategory', category: 'cleaning_deep' },
			...toRoom,
			{ type: 'next' },
			{ type: 'next' },
		);
		expect(draft).toMatchObject({
			step: 'booking',
			bookingOption: 'cleaning_deep',
			problem: { code: 'area_required' },
		});
		for (const key of ['0', '8', '5']) draft = reduceFiling(draft, { type: 'areaKey', key });
		expect(draft.area).toBe('85');
		expect(reduceFiling(draft, { type: 'next' }).step).toBe('when');
	});

	it('refuses an area beyond 10,000 m²', () => {
		let draft = run('booking', { type: 'chooseCategory', category: 'cleaning_daily' }, ...toRoom, {
			type: 'next',
		});
		for (const key of ['2', '0', '0', '0', '0']) draft = reduceFiling(draft, { type: 'areaKey', key });
		expect(reduceFiling(draft, { type: 'next' }).problem?.code).toBe('area_too_large');
	});

	it('switches daily and deep cleaning with the booking option, which is also the category', () => {
		const draft = run(
			'booking',
			{ type: 'chooseCategory', category: 'cleaning_daily' },
			{ type: 'chooseBooking', option: 'cleaning_deep' },
		);
		expect(draft).toMatchObject({ category: 'cleaning_deep', bookingOption: 'cleaning_deep' });
	});

	it('chooses and unchooses what another booking is for', () => {
		const chosen = run(
			'booking',
			{ type: 'chooseCategory', category: 'parking_space' },
			{ type: 'chooseBooking', option: 'parking_monthly' },
		);
		expect(chosen.bookingOption).toBe('parking_monthly');
		expect(
			reduceFiling(chosen, { type: 'chooseBooking', option: 'parking_monthly' }).bookingOption,
		).toBeNull();
	});

	it('moves on once a window is chosen', () => {
		const draft = repairAtVerify();
		expect(draft).toMatchObject({ step: 'verify', window: asap });
	});

	it('waits for the api to confirm the digits before the review', () => {
		let draft = reduceFiling(repairAtVerify(), { type: 'next' });
		expect(draft.problem?.code).toBe('digits_required');
		draft = digits('56789').reduce(reduceFiling, draft);
		expect(draft.digits).toBe('5678');
		expect(needsVerification(draft)).toBe(true);
		expect(reduceFiling(draft, { type: 'next' }).step).toBe('verify');
		expect(reduceFiling(draft, { type: 'verified', outcome: 'verified' })).toMatchObject({
			step: 'review',
			verification: 'verified',
		});
	});

	it('clears the digits and says so when they do not match', () => {
		const draft = digits('1234').reduce(reduceFiling, repairAtVerify());
		expect(reduceFiling(draft, { type: 'verified', outcome: 'mismatch' })).toMatchObject({
			step: 'verify',
			digits: '',
			problem: { code: 'digits_mismatch' },
		});
	});

	it('goes on to the review unverified when the api cannot be asked (offline)', () => {
		const draft = digits('1234').reduce(reduceFiling, repairAtVerify());
		expect(reduceFiling(draft, { type: 'verified', outcome: 'unverifiable' })).toMatchObject({
			step: 'review',
			verification: 'unverifiable',
		});
	});

	it('asks again after the digits or the room change', () => {
		const verified = reduceFiling(digits('1234').reduce(reduceFiling, repairAtVerify()), {
			type: 'verified',
			outcome: 'verified',
		});
		const back = reduceFiling(verified, { type: 'back' });
		expect(needsVerification(reduceFiling(back, { type: 'digitKey', key: 'back' }))).toBe(false);
		const retyped = digits('4').reduce(reduceFiling, reduceFiling(back, { type: 'digitKey', key: 'back' }));
		expect(needsVerification(retyped)).toBe(true);
		expect(reduceFiling(verified, { type: 'chooseRoom', room }).verification).toBe('unchecked');
	});

	it('ignores an answer about the digits that arrives after the resident went back', () => {
		const draft = reduceFiling(digits('1234').reduce(reduceFiling, repairAtVerify()), { type: 'back' });
		expect(reduceFiling(draft, { type: 'verified', outcome: 'verified' })).toBe(draft);
	});

	it('goes back step by step, never before the first', () => {
		const draft = run('repair', { type: 'chooseCategory', category: 'plumbing' }, { type: 'back' });
		expect(draft.step).toBe('category');
		expect(reduceFiling(draft, { type: 'back' }).step).toBe('category');
	});

	it('jumps from the review back to a step to change it, never forward', () => {
		const review = reduceFiling(digits('1234').reduce(reduceFiling, repairAtVerify()), {
			type: 'verified',
			outcome: 'verified',
		});
		expect(reduceFiling(review, { type: 'goTo', step: 'details' }).step).toBe('details');
		expect(reduceFiling(review, { type: 'goTo', step: 'receipt' }).step).toBe('review');
		expect(reduceFiling(review, { type: 'goTo', step: 'booking' }).step).toBe('review');
	});

	it('shows a refusal on the review and ends with the receipt, which nothing changes', () => {
		const review = reduceFiling(digits('1234').reduce(reduceFiling, repairAtVerify()), {
			type: 'verified',
			outcome: 'verified',
		});
		expect(
			reduceFiling(review, { type: 'refused', problem: { code: 'refused', detail: 'No.' } }).problem,
		).toEqual({
			code: 'refused',
			detail: 'No.',
		});
		const receipt = { delivery: 'queued', statusUrl: 'http://x/status/a', emergency: true } as const;
		const done = reduceFiling(review, { type: 'delivered', receipt });
		expect(done).toMatchObject({ step: 'receipt', receipt });
		expect(reduceFiling(done, { type: 'back' })).toBe(done);
	});

	it('answers nothing about the review and receipt steps', () => {
		expect(problemOf({ ...startFiling('repair'), step: 'review' })).toBeNull();
	});
});

const words: FilingWords = {
	phrase: (key) => ({ burst_pipe: '水管爆裂', tap_dripping: '水龙头滴水' })[key as 'burst_pipe'] ?? key,
	bookingOption: (option) => `[${option}]`,
	publicPlace: (name) => `公共区域：${name}`,
	area: (m2) => `面积 ${m2} m²`,
	separator: '；',
};

describe('descriptionOf', () => {
	it('joins the place, the phrases and the resident’s words', () => {
		const draft = run(
			'repair',
			{ type: 'chooseCategory', category: 'public_facilities' },
			{ type: 'choosePublicPlace', publicPlace: { id: 'p-1', name: '中心花园' } },
			{ type: 'togglePhrase', phrase: 'burst_pipe' },
			{ type: 'togglePhrase', phrase: 'tap_dripping' },
			{ type: 'writeText', text: '  在喷泉旁边  ' },
		);
		expect(descriptionOf(draft, words)).toBe('公共区域：中心花园；水管爆裂；水龙头滴水；在喷泉旁边');
	});

	it('says what was booked and the area', () => {
		const draft = run(
			'booking',
			{ type: 'chooseCategory', category: 'cleaning_deep' },
			{ type: 'areaKey', key: '9' },
			{ type: 'areaKey', key: '0' },
		);
		expect(descriptionOf(draft, words)).toBe('[cleaning_deep]；面积 90 m²');
		expect(areaOf(draft)).toBe(90);
	});
});

describe('filingOf', () => {
	it('makes the api’s filing from a finished draft', () => {
		const draft = digits('5678').reduce(reduceFiling, repairAtVerify());
		expect(filingOf(draft, { description: '水管爆裂', publicToken: 'a'.repeat(26) })).toEqual({
			kind: 'repair',
			category: 'plumbing',
			description: '水管爆裂',
			roomId: room.id,
			phoneLast4: '5678',
			desiredWindow: null,
			publicToken: 'a'.repeat(26),
		});
	});

	it('names the public place for the api, with the household’s room still vouching', () => {
		const draft = run(
			'complaint',
			{ type: 'chooseCategory', category: 'sanitation' },
			{ type: 'choosePlace', place: 'public' },
			{ type: 'choosePublicPlace', publicPlace: { id: 'p-1', name: '中心花园' } },
			...toRoom.slice(1),
		);
		expect(
			filingOf({ ...draft, digits: '5678' }, { description: '垃圾满溢', publicToken: 'a'.repeat(26) }),
		).toMatchObject({
			roomId: room.id,
			publicPlaceId: 'p-1',
		});
		const atHome = run('repair', { type: 'chooseCategory', category: 'plumbing' }, ...toRoom);
		expect(
			filingOf({ ...atHome, digits: '5678' }, { description: '漏水', publicToken: 'a'.repeat(26) }),
		).not.toHaveProperty('publicPlaceId');
	});

	it('carries the window and the area when there are', () => {
		let draft = run(
			'booking',
			{ type: 'chooseCategory', category: 'cleaning_deep' },
			...toRoom,
			{ type: 'next' },
			{ type: 'areaKey', key: '8' },
			{ type: 'areaKey', key: '5' },
			{ type: 'next' },
			{ type: 'chooseWindow', window: { key: 'tomorrow-morning', window: { from: 'a', to: 'b' } } },
		);
		draft = digits('5678').reduce(reduceFiling, draft);
		expect(filingOf(draft, { description: 'x', publicToken: 't' })).toMatchObject({
			category: 'cleaning_deep',
			areaM2: 85,
			desiredWindow: { from: 'a', to: 'b' },
		});
	});

	it('refuses a draft without a room', () => {
		expect(() => filingOf(startFiling('repair'), { description: 'x', publicToken: 't' })).toThrow();
	});
});
