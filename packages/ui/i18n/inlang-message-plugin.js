// A local inlang storage plugin for flat JSON catalogues: `{ "key": "Text with {variable}" }` per locale.
//
// Why not @inlang/plugin-message-format from its CDN URL, as the paraglide docs do: the SDK would fetch
// code from the internet at every compile, which fails offline (CI, these machines) and is a build
// input nobody reviewed. This file is imported by the SDK from a data: URL, so it must stay
// self-contained (no imports). It reads the same file shape as the official plugin's simple messages.

const pluginKey = 'plugin.estateOps.jsonMessages';
const defaultPathPattern = './messages/{locale}.json';

/** "Hello {name}!" → text and variable-reference parts. */
function parsePattern(text) {
	return text
		.split(/(\{[^{}]+\})/)
		.filter((part) => part !== '')
		.map((part) =>
			part.startsWith('{') && part.endsWith('}')
				? { type: 'expression', arg: { type: 'variable-reference', name: part.slice(1, -1).trim() } }
				: { type: 'text', value: part },
		);
}

function variablesOf(pattern) {
	return pattern.filter((part) => part.type === 'expression').map((part) => part.arg.name);
}

function patternToText(pattern) {
	return pattern.map((part) => (part.type === 'text' ? part.value : `{${part.arg.name}}`)).join('');
}

export default {
	key: pluginKey,

	toBeImportedFiles: ({ settings }) => {
		const pathPattern = settings[pluginKey]?.pathPattern ?? defaultPathPattern;
		return settings.locales.map((locale) => ({ locale, path: pathPattern.replace('{locale}', locale) }));
	},

	importFiles: ({ files }) => {
		const declarations = new Map();
		const messages = [];
		const variants = [];
		for (const file of files) {
			const catalogue = JSON.parse(new TextDecoder().decode(file.content));
			for (const [key, value] of Object.entries(catalogue)) {
				if (key === '$schema') continue;
				if (typeof value !== 'string') {
					throw new Error(`${file.locale}: message "${key}" must be a string`);
				}
				const pattern = parsePattern(value);
				const names = declarations.get(key) ?? new Set();
				for (const name of variablesOf(pattern)) names.add(name);
				declarations.set(key, names);
				messages.push({ bundleId: key, locale: file.locale, selectors: [] });
				variants.push({ messageBundleId: key, messageLocale: file.locale, matches: [], pattern });
			}
		}
		const bundles = [...declarations].map(([id, names]) => ({
			id,
			declarations: [...names].map((name) => ({ type: 'input-variable', name })),
		}));
		return { bundles, messages, variants };
	},

	exportFiles: ({ messages, variants, settings }) => {
		const pathPattern = settings[pluginKey]?.pathPattern ?? defaultPathPattern;
		return settings.locales.map((locale) => {
			const catalogue = {};
			for (const message of messages.filter((candidate) => candidate.locale === locale)) {
				const variant = variants.find((candidate) => candidate.messageId === message.id);
				if (variant) catalogue[message.bundleId] = patternToText(variant.pattern);
			}
			return {
				locale,
				name: pathPattern.replace('{locale}', locale).replace(/^\.\//, ''),
				content: new TextEncoder().encode(`${JSON.stringify(catalogue, null, '\t')}\n`),
			};
		});
	},
};
