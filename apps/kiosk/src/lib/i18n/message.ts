import type { Locale } from '$lib/paraglide/runtime';

/** A compiled paraglide message without inputs, callable in the current locale or a given one. */
export type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
