import { describeCatalogues } from '@estate-ops/ui/i18n-checks';

// The catalogues as translators edit them; paraglide compiles them, but only checks the base locale.
describeCatalogues(
	import.meta.glob<Record<string, string>>('/messages/*.json', { eager: true, import: 'default' }),
);
