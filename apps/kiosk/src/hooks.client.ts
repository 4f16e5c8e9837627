import type { ClientInit } from '@sveltejs/kit';
import { preferredLocale } from '@estate-ops/ui/language-switch';
import { pairDevice, pairingTokenOf } from '$lib/device/device-pairing';
import { defineCustomClientStrategy, getLocale, locales } from '$lib/paraglide/runtime';

// Browsers report zh-CN / zh-TW / zh-HK, which paraglide's own `preferredLanguage` strategy does not
// map to zh-Hans / zh-Hant; this one does (strategy order in i18n.config.js).
defineCustomClientStrategy('custom-browserLanguage', {
	getLocale: () => preferredLocale(navigator.languages, locales),
	// The browser's languages are read, never written: a choice is kept by the localStorage strategy.
	setLocale: () => {},
});

/**
 * Takes in a pairing link's token, if the address carries one; true when it did. The root layout takes
 * the token out of the address bar once the router runs (SvelteKit owns the history from then on).
 */
const takePairing = (): boolean =>
	pairingTokenOf(location.hash) !== null &&
	pairDevice({ hash: location.hash, storage: localStorage }) !== null;

export const init: ClientInit = () => {
	document.documentElement.lang = getLocale();
	// A pairing link (`/kiosk/#pair=<token>`) is taken in before the router starts; the root layout then
	// finds the token in storage.
	takePairing();
	// Opened on a kiosk already showing the app, the link only changes the fragment: start again paired.
	window.addEventListener('hashchange', () => {
		if (takePairing()) location.reload();
	});
};
