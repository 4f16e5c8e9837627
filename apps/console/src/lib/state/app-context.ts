import { getContext, setContext } from 'svelte';
import type { WorkOrdersApi } from '$lib/api/work-orders';
import type { FieldPicture } from '$lib/features/field-map/field-picture.svelte';
import type { AlertSound } from './alert-sound.svelte';
import type { Clock } from './clock.svelte';
import type { EstateDirectory } from './estate-directory.svelte';
import type { LiveEstate } from './live-estate.svelte';
import type { Session } from './session.svelte';
import type { UndeliveredInbox } from './undelivered-inbox.svelte';

/** What every page of the console shares, created once by the root layout. */
export type AppContext = {
	readonly session: Session;
	readonly clock: Clock;
	readonly sound: AlertSound;
	readonly workOrders: WorkOrdersApi;
	readonly directory: EstateDirectory;
	/** The live estate, while someone is signed in. */
	readonly live: () => LiveEstate | undefined;
	/** Kiosk filings refused after an offline queue, for the desk (loaded while the live estate runs). */
	readonly undelivered: UndeliveredInbox;
	/** People, SOS, rounds and cleaning zones live, while the live estate runs and this person may see them. */
	readonly field: () => FieldPicture | undefined;
};

const KEY = Symbol('estate-ops.app');

export const setAppContext = (context: AppContext): AppContext => setContext(KEY, context);

export function useApp(): AppContext {
	const context = getContext<AppContext | undefined>(KEY);
	if (!context) throw new Error('useApp() outside the root layout');
	return context;
}
