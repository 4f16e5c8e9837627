import { getContext, setContext } from 'svelte';
import type { Me } from '$lib/api/auth';
import type { FieldTab } from './field-home';
import type { FieldLive } from './field-live.svelte';
import type { MyCleaning } from './my-cleaning.svelte';
import type { MyIncidents } from './my-incidents.svelte';
import type { MyPatrol } from './my-patrol.svelte';
import type { MyTasks } from './my-tasks.svelte';
import type { PositionSharing } from './position-sharing.svelte';
import type { Sos } from './sos.svelte';

/** What the field view's pages share, made once by its layout for the signed-in field person. */
export type FieldContext = {
	readonly me: Me;
	readonly tabs: readonly FieldTab[];
	readonly live: FieldLive;
	readonly sharing: PositionSharing;
	readonly sos: Sos;
	readonly tasks: MyTasks;
	readonly patrol: MyPatrol;
	readonly incidents: MyIncidents;
	readonly cleaning: MyCleaning;
	/** The estate's centre: where an SOS without a position from the phone is placed. */
	readonly estateCentre: () => readonly [number, number] | null;
	readonly timeZone: () => string;
};

const KEY = Symbol('estate-ops.field');

export const setFieldContext = (context: FieldContext): FieldContext => setContext(KEY, context);

export function useField(): FieldContext {
	const context = getContext<FieldContext | undefined>(KEY);
	if (!context) throw new Error('useField() outside the field layout');
	return context;
}
