/**
 * The kiosk's icons: line drawings on a 48 × 48 grid, stroked in the current colour, drawn here rather
 * than fetched (the kiosk must work offline, and no icon font or CDN is allowed). Circles are written as
 * two arcs so every icon is a list of path data.
 */
const circle = (cx: number, cy: number, r: number): string =>
	`M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

export const ICONS = {
	// services
	repair: ['M30 6a10 10 0 0 0-9 14L7 34a4 4 0 0 0 6 6l14-14a10 10 0 0 0 14-9l-6 6-6-2-2-6z'],
	complaint: ['M8 20v8h6l16 8V12l-16 8z', 'M14 28l3 10h5l-2-9', 'M36 18a8 8 0 0 1 0 12'],
	suggestion: [
		'M18 35h12',
		'M20 41h8',
		'M24 6a12 12 0 0 0-7 22c1 1 1 3 1 6h12c0-3 0-5 1-6a12 12 0 0 0-7-22z',
	],
	booking: ['M8 12h32v28H8z', 'M8 20h32', 'M16 6v10', 'M32 6v10', 'M17 30l5 5 9-9'],
	'follow-up': [circle(21, 21, 13), 'M31 31l10 10', 'M15 21h12', 'M21 15v12'],
	// repair categories
	plumbing: [
		'M6 16h20',
		'M16 10v6',
		'M10 10h12',
		'M26 12v8h6a6 6 0 0 1 6 6v2',
		'M38 38c0 2.2-1.8 4-4 4s-4-1.8-4-4c0-3 4-7 4-7s4 4 4 7z',
	],
	electrical: ['M27 4L11 27h12l-3 17 17-24H25z'],
	carpentry: ['M10 12l8-6 10 10-4 4z', 'M22 18l18 18-4 4-18-18'],
	doors_locks: ['M12 22h24v18H12z', 'M17 22v-6a7 7 0 0 1 14 0v6', 'M24 29v5'],
	appliances: ['M24 42c-7 0-12-5-12-11 0-7 6-11 8-18 3 3 4 7 3 10 3-1 5-4 5-7 4 4 8 9 8 15 0 6-5 11-12 11z'],
	public_facilities: ['M10 6h28v36H10z', 'M24 6v36', 'M14 20l3-4 3 4', 'M28 28l3 4 3-4'],
	// complaint and suggestion categories
	service: [circle(24, 16, 8), 'M8 42c0-9 7-14 16-14s16 5 16 14'],
	noise: ['M8 18h8l10-8v28l-10-8H8z', 'M32 18a8 8 0 0 1 0 12', 'M36 12a16 16 0 0 1 0 24'],
	sanitation: ['M10 12h28', 'M18 12V7h12v5', 'M13 12l2 29h18l2-29', 'M21 19v16', 'M27 19v16'],
	security: ['M24 4l16 6v12c0 10-7 17-16 22C15 39 8 32 8 22V10z', 'M17 24l5 5 9-10'],
	parking: ['M8 8h32v32H8z', 'M19 34V14h7a6 6 0 0 1 0 12h-7'],
	facilities: ['M6 24h36', 'M8 32h32', 'M11 32v9', 'M37 32v9', 'M8 14h32v10'],
	environment: ['M24 44V26', 'M24 4c-8 0-14 6-14 13 0 6 5 10 14 10s14-4 14-10c0-7-6-13-14-13z'],
	renovation: ['M8 8h26v10H8z', 'M34 13h6v10H22v6', 'M19 29h6v13h-6z'],
	pets: [
		circle(14, 18, 4),
		circle(22, 11, 4),
		circle(30, 11, 4),
		circle(38, 18, 4),
		'M26 24c-6 0-12 8-12 13 0 4 4 5 7 4l5-1 5 1c3 1 7 0 7-4 0-5-6-13-12-13z',
	],
	fees: [circle(24, 24, 17), 'M18 14l6 9 6-9', 'M24 23v12', 'M18 25h12', 'M18 30h12'],
	other: [circle(12, 24, 2), circle(24, 24, 2), circle(36, 24, 2)],
	// booking categories
	cleaning_daily: ['M33 4L23 22', 'M14 22h16l2 20H12z', 'M18 30l-1 8', 'M24 30v8'],
	cleaning_deep: ['M12 20h24l-3 22H15z', 'M14 20a10 10 0 0 1 20 0', 'M40 4v8', 'M36 8h8'],
	greening: [
		'M24 42V22',
		'M24 22c0-8-6-12-14-12 0 8 6 12 14 12z',
		'M24 26c0-8 6-12 14-12 0 8-6 12-14 12z',
		'M14 42h20',
	],
	parking_space: [
		'M8 30l4-12h24l4 12v8H8z',
		'M8 30h32',
		circle(15, 34, 2),
		circle(33, 34, 2),
		'M12 38v4',
		'M36 38v4',
	],
	home_visit: ['M6 22L24 8l18 14', 'M11 18v22h26V18', 'M20 40V28h8v12'],
	// everything else
	home: ['M6 22L24 8l18 14', 'M11 18v22h26V18'],
	map: ['M6 10l12-4 12 4 12-4v32l-12 4-12-4-12 4z', 'M18 6v32', 'M30 10v32'],
	camera: ['M6 14h8l4-6h12l4 6h8v26H6z', circle(24, 26, 8)],
	alert: ['M24 5L3 42h42z', 'M24 18v12', 'M24 36v1'],
	phone: ['M14 6h8l3 9-5 3a24 24 0 0 0 10 10l3-5 9 3v8c0 2-2 4-4 4A34 34 0 0 1 10 10c0-2 2-4 4-4z'],
	done: [circle(24, 24, 19), 'M15 24l6 6 12-13'],
	waiting: [circle(24, 24, 19), 'M24 13v11l7 5'],
	star: ['M24 5l5.9 12 13.1 1.9-9.5 9.3 2.3 13.1L24 35.1l-11.8 6.2 2.3-13.1L5 18.9 18.1 17z'],
	back: ['M28 10L14 24l14 14'],
	next: ['M20 10l14 14-14 14'],
	close: ['M12 12l24 24', 'M36 12L12 36'],
	pin: ['M24 44s-14-13-14-24a14 14 0 0 1 28 0c0 11-14 24-14 24z', circle(24, 20, 5)],
	notice: ['M10 6h28v36H10z', 'M16 14h16', 'M16 22h16', 'M16 30h10'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICONS;
