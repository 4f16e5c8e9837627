/**
 * Each language named in itself ("简体中文", "繁體中文", "English"), from the browser's own locale data:
 * a resident looks for their language by its own name, whatever the screen shows now.
 */
export function languageName(locale: string): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
	} catch {
		return locale;
	}
}

/** Language and script, the two parts that decide whether a reader can read a locale. */
function languageAndScript(tag: string): string | undefined {
	try {
		const locale = new Intl.Locale(tag).maximize();
		return `${locale.language}-${locale.script ?? ''}`.toLowerCase();
	} catch {
		return undefined;
	}
}

/**
 * The first supported locale a reader can read, going down their preferences (`navigator.languages`).
 * Browsers say `zh-CN`, `zh-TW` or `zh-HK` rather than `zh-Hans` / `zh-Hant`, so locales are compared by
 * language and likely script: `zh-TW` and `zh-HK` read Traditional, `zh-CN`, `zh-SG` and `zh` Simplified.
 */
export function preferredLocale<T extends string>(
	preferences: readonly string[],
	supported: readonly T[],
): T | undefined {
	for (const preference of preferences) {
		const exact = supported.find((locale) => locale.toLowerCase() === preference.toLowerCase());
		if (exact !== undefined) return exact;
		const wanted = languageAndScript(preference);
		if (wanted === undefined) continue;
		const readable = supported.find((locale) => languageAndScript(locale) === wanted);
		if (readable !== undefined) return readable;
	}
	return undefined;
}
