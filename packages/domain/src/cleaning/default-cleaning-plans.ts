import type { CleaningZoneKind } from './cleaning-zone';
import { CleaningPlan } from './cleaning-plan';

/**
 * The company's standard (保洁作业标准) per zone kind, following SPEC.md: corridors and roads daily; lifts
 * cleaned and disinfected daily with extra disinfection at the working-day rush hours; toilets several times
 * a day; green areas weekly; garbage collected at fixed times. Holidays, events and bad weather add the
 * rounds listed under `extraRounds`. An estate copies and edits these; parsing here checks them.
 */
export const DEFAULT_CLEANING_PLANS: Readonly<Record<CleaningZoneKind, CleaningPlan>> = {
	corridor: CleaningPlan.parse({
		zoneKind: 'corridor',
		tasks: [
			{
				id: 'corridor-sweep-mop',
				name: '楼道清扫拖地',
				frequency: { type: 'daily', from: '08:00', due: '12:00' },
				extraRounds: [{ condition: 'holiday', times: ['17:00'] }],
			},
		],
	}),
	road: CleaningPlan.parse({
		zoneKind: 'road',
		tasks: [
			{
				id: 'road-sweep',
				name: '道路清扫',
				frequency: { type: 'daily', from: '06:00', due: '09:00' },
				extraRounds: [
					{ condition: 'bad_weather', times: ['14:00'] },
					{ condition: 'holiday', times: ['15:00'] },
					{ condition: 'event', times: ['21:00'] },
				],
			},
		],
	}),
	lift: CleaningPlan.parse({
		zoneKind: 'lift',
		tasks: [
			{
				id: 'lift-clean-disinfect',
				name: '轿厢清洁消毒',
				frequency: { type: 'daily', from: '06:00', due: '07:00' },
				extraRounds: [{ condition: 'holiday', times: ['15:00'] }],
			},
			{
				id: 'lift-peak-disinfect',
				name: '高峰时段轿厢消毒',
				frequency: { type: 'peak_hours', times: ['07:30', '18:00'], days: 'working_days' },
				windowMinutes: 30,
			},
		],
	}),
	toilet: CleaningPlan.parse({
		zoneKind: 'toilet',
		tasks: [
			{
				id: 'toilet-clean',
				name: '公共卫生间保洁',
				frequency: { type: 'times_per_day', times: ['09:00', '12:00', '15:00', '18:00'] },
				extraRounds: [
					{ condition: 'holiday', times: ['20:00'] },
					{ condition: 'event', times: ['20:00'] },
				],
			},
		],
	}),
	green: CleaningPlan.parse({
		zoneKind: 'green',
		tasks: [
			{
				id: 'green-litter-pick',
				name: '绿化带捡拾垃圾',
				frequency: { type: 'weekly', weekdays: [1], from: '08:00', due: '11:00' },
				extraRounds: [{ condition: 'event', times: ['21:00'] }],
			},
		],
	}),
	garbage_point: CleaningPlan.parse({
		zoneKind: 'garbage_point',
		tasks: [
			{
				id: 'garbage-collect',
				name: '垃圾清运',
				frequency: { type: 'fixed_times', times: ['07:00', '12:00', '19:00'] },
				windowMinutes: 30,
				extraRounds: [
					{ condition: 'holiday', times: ['15:00'] },
					{ condition: 'event', times: ['22:00'] },
				],
			},
		],
	}),
	lobby: CleaningPlan.parse({
		zoneKind: 'lobby',
		tasks: [
			{
				id: 'lobby-mop',
				name: '大堂拖地',
				frequency: { type: 'daily', from: '07:00', due: '09:00' },
				extraRounds: [{ condition: 'bad_weather', times: ['11:00', '16:00'] }],
			},
		],
	}),
};
