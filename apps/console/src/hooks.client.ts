import type { ClientInit } from '@sveltejs/kit';
import { preferredLocale } from '@estate-ops/ui/language-switch';
import { defineCustomClientStrategy, getLocale, locales } from '$lib/paraglide/runtime';

// Browsers report zh-CN / zh-TW / zh-HK, which paraglide's own `preferredLanguage` strategy does not
// map to zh-Hans / zh-Hant; this one does (strategy order in i18n.config.js).
defineCustomClientStrategy('custom-browserLanguage', {
	getLocale: () => preferredLocale(navigator.languages, locales),
	// The browser's languages are read, never written: a choice is kept by the localStorage strategy.
	setLocale: () => {},
});

export const init: ClientInit = () => {
	document.documentElement.lang = getLocale();
};
