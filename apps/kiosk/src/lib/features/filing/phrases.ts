import type { WorkOrderCategory } from '@estate-ops/domain/work-orders';
import type { FilingKind } from './filing-kinds';

/**
 * The phrase chips of each kind and category: the problems residents report most (the seed's own
 * request texts are drawn from the same list), so that most requests need no typing. Each key is a
 * message `ph_<key>` in all three languages; the urgent ones carry the words `classifyUrgency` knows in
 * each language (phrases.test.ts checks), so the emergency line shows the moment one is chosen.
 */
export const PHRASES = {
	repair: {
		plumbing: [
			'burst_pipe',
			'tap_dripping',
			'toilet_running',
			'toilet_blocked',
			'drain_slow',
			'low_water_pressure',
			'water_heater',
		],
		electrical: ['no_power', 'sockets_dead', 'light_out', 'breaker_trips', 'switch_faulty', 'bath_heater'],
		carpentry: ['wardrobe_door', 'drawer_runner', 'door_warped', 'floor_lifting', 'skirting_loose'],
		doors_locks: ['lock_stuck', 'smart_lock_dead', 'sliding_door_stuck', 'door_closer', 'handle_off'],
		appliances: ['gas_smell', 'ac_not_cooling', 'floor_heating_cold', 'range_hood_weak', 'intercom_silent'],
		public_facilities: [
			'lift_trapped',
			'lift_out_of_order',
			'lobby_door',
			'corridor_light_out',
			'access_card_fails',
			'playground_loose',
		],
	},
	complaint: {
		service: ['no_one_came', 'staff_attitude', 'no_reply'],
		noise: ['noise_at_night', 'drilling_early', 'square_dance_loud'],
		sanitation: ['bins_full', 'lobby_dirty', 'bad_smell'],
		security: ['strangers_loitering', 'ebikes_speeding', 'door_left_open'],
		parking: ['space_taken', 'lane_blocked', 'no_visitor_parking'],
		facilities: ['gym_broken', 'benches_broken', 'pool_dirty'],
		environment: ['pond_smells', 'lawn_neglected', 'dust'],
		renovation: ['debris_in_corridor', 'working_off_hours'],
		pets: ['dog_off_leash', 'dog_mess', 'dog_barking'],
		fees: ['bill_unclear', 'charged_wrongly'],
		other: ['other_complaint'],
	},
	suggestion: {
		service: ['desk_hours', 'progress_updates'],
		noise: ['quiet_hours'],
		sanitation: ['more_bins', 'clean_more_often'],
		security: ['more_patrols', 'brighter_paths'],
		parking: ['more_chargers', 'visitor_spaces'],
		facilities: ['more_benches', 'kids_play_area'],
		environment: ['more_greenery', 'seasonal_flowers'],
		renovation: ['post_renovation_rules'],
		pets: ['pet_area', 'dog_bag_stations'],
		fees: ['fee_breakdown'],
		other: ['other_suggestion'],
	},
	booking: {
		cleaning_daily: ['kitchen_focus', 'windows_inside', 'pets_at_home'],
		cleaning_deep: ['after_renovation', 'kitchen_focus', 'windows_inside'],
		greening: ['garden_weeds', 'hedge_trim', 'plants_unwell'],
		parking_space: ['near_lift', 'second_car'],
		home_visit: ['elderly_alone', 'discuss_service', 'new_resident'],
	},
} as const satisfies Record<FilingKind, Partial<Record<WorkOrderCategory, readonly string[]>>>;

type PhrasesOf<K extends FilingKind> = (typeof PHRASES)[K][keyof (typeof PHRASES)[K]];
type Values<T> = T extends readonly (infer V)[] ? V : never;

export type PhraseKey = Values<
	PhrasesOf<'repair'> | PhrasesOf<'complaint'> | PhrasesOf<'suggestion'> | PhrasesOf<'booking'>
>;

/** The phrase chips for a kind and category (none for a category the kiosk has no phrases for). */
export function phrasesOf(kind: FilingKind, category: WorkOrderCategory | null): readonly PhraseKey[] {
	if (category === null) return [];
	const byCategory: Partial<Record<WorkOrderCategory, readonly PhraseKey[]>> = PHRASES[kind];
	return byCategory[category] ?? [];
}

/** The phrases that describe an emergency, and the hazard each is about (for what to do now). */
export const URGENT_PHRASES = {
	burst_pipe: 'water',
	no_power: 'power',
	gas_smell: 'gas',
	lift_trapped: 'lift',
} as const satisfies Partial<Record<PhraseKey, string>>;
