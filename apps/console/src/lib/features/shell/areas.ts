/** The control room's areas, in the order the navigation lists them; each gets its own issue. */
export const areas = [
	'map',
	'work-orders',
	'kiosk-undelivered',
	'notices',
	'patrols',
	'incidents',
	'cleaning',
	'quality',
	'kpis',
	'analytics',
	'administration',
] as const;
export type Area = (typeof areas)[number];

export const isArea = (value: string): value is Area => (areas as readonly string[]).includes(value);

/** What a role needs to see an area in the navigation (and to use its page). */
export const AREA_PERMISSIONS: Readonly<Record<Area, readonly string[]>> = {
	map: ['estate.read', 'workOrders.read'],
	'work-orders': ['workOrders.read'],
	'kiosk-undelivered': ['workOrders.read'],
	notices: ['notices.read'],
	patrols: ['patrols.read'],
	incidents: ['incidents.read'],
	cleaning: ['cleaning.read'],
	quality: ['quality.read'],
	kpis: ['kpi.read'],
	analytics: ['kpi.read'],
	administration: ['staff.manage'],
};

/** The areas a holder of these permissions may open, in navigation order. */
export const areasFor = (permissions: ReadonlySet<string>): Area[] =>
	areas.filter((area) => AREA_PERMISSIONS[area].every((permission) => permissions.has(permission)));
