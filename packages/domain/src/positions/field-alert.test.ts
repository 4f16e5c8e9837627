import { describe, expect, it } from 'vitest';
import type { Actor } from '../estate/actor';
import { StaffId } from '../shared/ids';
import { decideFieldAlert, type FieldAlert, type FieldAlertCommand, raiseSos } from './field-alert';

const at = (time: string): Date => new Date(`2026-03-02T${time}+08:00`);
const guard: Actor = { kind: 'field', deviceId: 'phone-7', staffId: StaffId.parse('guard-li') };
const control: Actor = { kind: 'staff', staffId: StaffId.parse('control-wang') };

const sos = (note?: string) =>
	raiseSos(
		null,
		{
			id: 'alert-1',
			estateId: 'estate-1',
			personId: 'guard-li',
			point: [121.474, 31.231],
			...(note === undefined ? {} : { note }),
			actor: guard,
		},
		at('22:10:00'),
	).alert;

describe('raiseSos', () => {
	it('opens an alert at once, with where and who', () => {
		const decision = raiseSos(
			null,
			{
				id: 'alert-1',
				estateId: 'estate-1',
				personId: 'guard-li',
				point: [121.474, 31.231],
				note: ' 有人翻墙 ',
				actor: guard,
			},
			at('22:10:00'),
		);
		expect(decision.alert).toEqual({
			id: 'alert-1',
			estateId: 'estate-1',
			kind: 'sos',
			status: 'open',
			personId: 'guard-li',
			point: [121.474, 31.231],
			note: '有人翻墙',
			raisedAt: at('22:10:00'),
			repeats: 0,
			acknowledged: null,
			resolved: null,
			version: 1,
		});
		expect(decision.event).toEqual({
			type: 'alert.raised',
			alert: decision.alert,
			actor: guard,
			at: at('22:10:00'),
		});
	});

	it('moves an open alert to the new press instead of opening a second one', () => {
		const open = sos('有人翻墙');
		const again = raiseSos(
			open,
			{ id: 'alert-2', estateId: 'estate-1', personId: 'guard-li', point: [121.475, 31.232], actor: guard },
			at('22:11:00'),
		);
		expect(again.event.type).toBe('alert.repeated');
		expect(again.alert).toMatchObject({
			id: 'alert-1',
			point: [121.475, 31.232],
			note: '有人翻墙',
			repeats: 1,
			version: 2,
		});
	});

	it('opens a new alert once the earlier one is resolved', () => {
		const resolved = decideFieldAlert(sos(), { type: 'resolve' }, control, at('22:20:00'));
		if (!resolved.ok) throw new Error(resolved.error.code);
		const again = raiseSos(
			resolved.value.alert,
			{
				id: 'alert-2',
				estateId: 'estate-1',
				personId: 'guard-li',
				point: [121.475, 31.232],
				note: '  ',
				actor: guard,
			},
			at('22:30:00'),
		);
		expect(again.event.type).toBe('alert.raised');
		expect(again.alert).toMatchObject({ id: 'alert-2', status: 'open', note: null, version: 1 });
	});
});

describe('decideFieldAlert', () => {
	const acknowledged = (): FieldAlert => {
		const decision = decideFieldAlert(sos(), { type: 'acknowledge' }, control, at('22:10:30'));
		if (!decision.ok) throw new Error(decision.error.code);
		return decision.value.alert;
	};

	it('records who acknowledged and when', () => {
		expect(acknowledged()).toMatchObject({
			status: 'acknowledged',
			acknowledged: { at: at('22:10:30'), by: control },
			version: 2,
		});
	});

	it('resolves an acknowledged alert with what was done', () => {
		const decision = decideFieldAlert(
			acknowledged(),
			{ type: 'resolve', resolution: '已到场，误报' },
			control,
			at('22:15:00'),
		);
		expect(decision.ok && decision.value.alert).toMatchObject({
			status: 'resolved',
			acknowledged: { at: at('22:10:30') },
			resolved: { at: at('22:15:00'), by: control, resolution: '已到场，误报' },
			version: 3,
		});
		expect(decision.ok && decision.value.event.type).toBe('alert.resolved');
	});

	it('records the acknowledgement too when an open alert is resolved straight away', () => {
		const decision = decideFieldAlert(sos(), { type: 'resolve' }, control, at('22:12:00'));
		expect(decision.ok && decision.value.alert).toMatchObject({
			acknowledged: { at: at('22:12:00'), by: control },
			resolved: { resolution: null },
		});
	});

	it.each<[string, () => FieldAlert, FieldAlertCommand, string]>([
		['acknowledging twice', acknowledged, { type: 'acknowledge' }, 'ALERT.ALREADY_ACKNOWLEDGED'],
		[
			'acknowledging a resolved alert',
			() => {
				const decision = decideFieldAlert(sos(), { type: 'resolve' }, control, at('22:12:00'));
				if (!decision.ok) throw new Error(decision.error.code);
				return decision.value.alert;
			},
			{ type: 'acknowledge' },
			'ALERT.ALREADY_RESOLVED',
		],
	])('refuses %s', (_, alert, command, code) => {
		const decision = decideFieldAlert(alert(), command, control, at('22:20:00'));
		expect(decision.ok ? null : decision.error.code).toBe(code);
	});
});
