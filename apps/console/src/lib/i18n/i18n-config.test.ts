import { describeParaglideOptions } from '@estate-ops/ui/i18n-checks';

type PackageJson = { scripts: Record<string, string> };
type I18nConfig = { paraglideOptions: { project: string; outdir: string; strategy: string[] } };

const [packageJson] = Object.values(
	import.meta.glob<PackageJson>('/package.json', { eager: true, import: 'default' }),
);
const [config] = Object.values(import.meta.glob<I18nConfig>('/i18n.config.js', { eager: true }));

describeParaglideOptions(packageJson, config);
