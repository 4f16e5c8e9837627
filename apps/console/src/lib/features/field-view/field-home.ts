/** The parts of the field view: my tasks, my patrol round, my cleaning tasks. */
export const FIELD_TABS = ['tasks', 'patrol', 'cleaning'] as const;
export type FieldTab = (typeof FIELD_TABS)[number];

export const isFieldTab = (value: string): value is FieldTab =>
	(FIELD_TABS as readonly string[]).includes(value);

/** Roles whose work is done on a phone, away from a desk. */
const FIELD_ROLES: ReadonlySet<string> = new Set(['technician', 'guard', 'cleaner']);

/**
 * Whether someone signing in belongs on the field view rather than a desk: every role they hold is worked in
 * the field. A technician who is also a dispatcher keeps the desk (and can still open /field).
 */
export const worksInTheField = (roles: readonly string[]): boolean =>
	roles.length > 0 && roles.every((role) => FIELD_ROLES.has(role));

/** What each tab needs: the api refuses the rest anyway, this keeps impossible tabs off the phone. */
const TAB_PERMISSIONS: Readonly<Record<FieldTab, readonly string[]>> = {
	tasks: ['workOrders.readAssigned', 'workOrders.fieldUpdate'],
	patrol: ['patrols.read', 'patrols.scan'],
	cleaning: ['cleaning.read', 'cleaning.record'],
};

/** The tabs a holder of these permissions may open, in the tab bar's order. */
export const fieldTabsFor = (permissions: ReadonlySet<string>): FieldTab[] =>
	FIELD_TABS.filter((tab) => TAB_PERMISSIONS[tab].every((permission) => permissions.has(permission)));

/**
 * The tab the field view opens on: the trade's own work first (a guard's round, a cleaner's zones), then
 * the work orders everyone in the field may be given.
 */
export function defaultFieldTab(roles: readonly string[], tabs: readonly FieldTab[]): FieldTab | undefined {
	if (roles.includes('guard') && tabs.includes('patrol')) return 'patrol';
	if (roles.includes('cleaner') && tabs.includes('cleaning')) return 'cleaning';
	return tabs[0];
}
