import { describe, expect, it } from 'vitest';
import type { PatrolRouteView } from './patrols-api';
import {
	addCheckpoint,
	codePrefix,
	draftOf,
	emptyDraft,
	errorsUnder,
	fieldErrorsOf,
	inputOf,
	removeCheckpoint,
	reorderCheckpoint,
	suggestCode,
	updateCheckpoint,
} from './route-draft';

const messages = { notANumber: 'NaN', required: 'required' };
const stored: PatrolRouteView = {
	id: 'route1',
	name: '周界巡逻路线',
	version: 3,
	day: { start: '06:00', end: '22:00', intervalHours: 2 },
	night: null,
	windowMinutes: 50,
	toleranceMinutes: 10,
	createdAt: new Date('2026-03-01T00:00:00Z'),
	updatedAt: new Date('2026-03-01T00:00:00Z'),
	archivedAt: null,
	checkpoints: [
		{
			id: 'c1',
			sequence: 1,
			name: '北大门岗亭',
			code: 'YJHT-P01',
			point: [121.545, 31.206],
			zoneId: null,
			radiusMetres: 40,
			expectedMinute: null,
			toleranceMinutes: null,
		},
	],
};

describe('the route draft', () => {
	it('turns a stored route into its input again unchanged', () => {
		const built = inputOf(draftOf(stored), messages);
		expect(built).toEqual({
			ok: true,
			input: {
				name: '周界巡逻路线',
				checkpoints: [{ id: 'c1', name: '北大门岗亭', code: 'YJHT-P01', point: [121.545, 31.206], radiusMetres: 40 }],
				day: { start: '06:00', end: '22:00', intervalHours: 2 },
				night: null,
				windowMinutes: 50,
				toleranceMinutes: 10,
			},
		});
	});

	it('adds checkpoints at the end with the next free code, moves, reorders and removes them', () => {
		let draft = draftOf(stored);
		expect(codePrefix(draft, 'X-')).toBe('YJHT-P');
		draft = addCheckpoint(draft, [121.546, 31.207], 'k2', '东门', suggestCode(draft, 'YJHT-P'));
		draft = addCheckpoint(draft, [121.547, 31.207], 'k3', '南门', suggestCode(draft, 'YJHT-P'));
		expect(draft.checkpoints.map((c) => c.code)).toEqual(['YJHT-P01', 'YJHT-P02', 'YJHT-P03']);
		draft = updateCheckpoint(draft, 'k2', { point: [1, 2] });
		draft = reorderCheckpoint(draft, 'k3', -1);
		expect(draft.checkpoints.map((c) => c.key)).toEqual(['c1', 'k3', 'k2']);
		expect(reorderCheckpoint(draft, 'c1', -1)).toBe(draft);
		draft = removeCheckpoint(draft, 'c1');
		const built = inputOf(draft, messages);
		expect(built.ok && built.input.checkpoints.map((c) => [c.name, c.point])).toEqual([
			['南门', [121.547, 31.207]],
			['东门', [1, 2]],
		]);
	});

	it('names fields that are not numbers, by the path the api would use', () => {
		const draft = { ...emptyDraft(), windowMinutes: 'abc', night: { start: '22:00', end: '06:00', intervalHours: '' } };
		const built = inputOf(addCheckpoint(draft, [0, 0], 'k', 'a', 'b'), messages);
		expect(built.ok).toBe(false);
		expect(!built.ok && [...built.errors]).toEqual([
			['night.intervalHours', 'required'],
			['windowMinutes', 'NaN'],
		]);
	});

	it('sends no night period when night rounds are off', () => {
		const built = inputOf({ ...emptyDraft(), nightOn: false }, messages);
		expect(built.ok && built.input.night).toBeNull();
	});
});

describe('the api’s field errors', () => {
	it('keeps each path’s messages, translated, and the whole form’s under the empty path', () => {
		const errors = fieldErrorsOf(
			{
				status: 422,
				title: 'Unprocessable Content',
				errors: [
					{ path: 'checkpoints.1.code', message: 'checkpoint codes must be unique' },
					{ path: 'night', message: 'day and night periods overlap' },
					{ path: 'night.intervalHours', message: 'too short' },
				],
			},
			(message) => `«${message}»`,
		);
		expect(errors.get('checkpoints.1.code')).toBe('«checkpoint codes must be unique»');
		expect(errorsUnder(errors, 'night')).toEqual(['«day and night periods overlap»', '«too short»']);
		expect(errorsUnder(errors, 'day')).toEqual([]);
		expect(fieldErrorsOf({ status: 409, title: 'Conflict', detail: 'edited' }, (m) => m).get('')).toBe('edited');
	});
});
