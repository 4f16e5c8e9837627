import { describe, expect, it } from 'vitest';

/**
 * The checks every app's message catalogues must pass, shared so that console and kiosk hold the same bar.
 * Each app passes its own `import.meta.glob` results (Vite resolves globs per module).
 */
export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

// Characters that exist only in simplified Chinese: none may appear in zh-Hant.
const SIMPLIFIED_ONLY = /[这说运营务项检时间导总览设门们测题状态报请确认选择预约楼单]/;

/** Registers the catalogue tests: same keys and variables in every locale, no empty text, no simplified leaks. */
export function describeCatalogues(files: Record<string, Record<string, string>>): void {
	const catalogues = new Map(
		Object.entries(files).map(([path, messages]) => [/([^/]+)\.json$/.exec(path)?.[1] ?? path, messages]),
	);
	const keysOf = (locale: string) =>
		Object.keys(catalogues.get(locale) ?? {})
			.filter((key) => key !== '$schema')
			.sort();
	const placeholders = (text: string) => [...text.matchAll(/\{([^{}]+)\}/g)].map(([, name]) => name).sort();

	describe('message catalogues', () => {
		it('exist for exactly the three locales', () => {
			expect([...catalogues.keys()].sort()).toEqual([...LOCALES].sort());
		});

		it.each(LOCALES.filter((locale) => locale !== 'zh-Hans'))('%s has the same keys as zh-Hans', (locale) => {
			expect(keysOf(locale)).toEqual(keysOf('zh-Hans'));
		});

		it.each(LOCALES)('%s fills every message with text', (locale) => {
			const empty = keysOf(locale).filter((key) => (catalogues.get(locale)?.[key] ?? '').trim() === '');
			expect(empty).toEqual([]);
		});

		it('takes the same variables in every locale', () => {
			const mismatched = keysOf('zh-Hans').filter((key) => {
				const expected = placeholders(catalogues.get('zh-Hans')?.[key] ?? '').join();
				return LOCALES.some(
					(locale) => placeholders(catalogues.get(locale)?.[key] ?? '').join() !== expected,
				);
			});
			expect(mismatched).toEqual([]);
		});

		it('writes zh-Hant in traditional characters where zh-Hans has simplified ones', () => {
			const leaks = keysOf('zh-Hant').filter((key) =>
				SIMPLIFIED_ONLY.test(catalogues.get('zh-Hant')?.[key] ?? ''),
			);
			expect(leaks).toEqual([]);
		});
	});
}

type PackageJson = { scripts: Record<string, string> };
type I18nConfig = { paraglideOptions: { project: string; outdir: string; strategy: string[] } };

/** The value of `--flag`, up to the next flag. */
function flag(command: string, name: string): string[] {
	const words = command.split(/\s+/);
	const start = words.indexOf(`--${name}`);
	if (start === -1) return [];
	const end = words.findIndex((word, index) => index > start && word.startsWith('--'));
	return words.slice(start + 1, end === -1 ? undefined : end);
}

/** Registers the tests that keep the paraglide CLI script and the vite plugin's options in step. */
export function describeParaglideOptions(
	packageJson: PackageJson | undefined,
	config: I18nConfig | undefined,
): void {
	describe('the paraglide options', () => {
		const script = packageJson?.scripts['i18n'] ?? '';
		const options = config?.paraglideOptions;

		it('are the same for the CLI script and the vite plugin', () => {
			expect(flag(script, 'project')).toEqual([options?.project]);
			expect(flag(script, 'outdir')).toEqual([options?.outdir]);
			expect(flag(script, 'strategy')).toEqual(options?.strategy);
		});

		it('never put the locale in the URL', () => {
			expect(options?.strategy).not.toContain('url');
			expect(options?.strategy.at(-1)).toBe('baseLocale');
		});
	});
}
