// The paraglide compiler options, for the vite plugin (dev, build). The `i18n` script in package.json
// passes the same options to the paraglide CLI, so that check, lint and test work on a fresh clone
// before any build ran; src/lib/i18n/i18n-config.test.ts keeps the two in step.

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// No locale in the URL, so the SPA keeps one set of routes: a choice made with the language switch is
	// remembered in this browser; otherwise the browser's languages decide (hooks.client.ts maps zh-CN,
	// zh-TW, zh-HK to our locales), then the base locale.
	strategy: ['localStorage', 'custom-browserLanguage', 'baseLocale'],
	emitTsDeclarations: true,
};
