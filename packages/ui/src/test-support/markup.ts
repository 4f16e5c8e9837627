/**
 * Reads server-rendered markup in tests, where there is no DOM. Enough for the attributes of opening
 * tags, which is what the component tests assert on (roles, ARIA, data-state).
 */

export type Element = { readonly tag: string; readonly attributes: ReadonlyMap<string, string> };

const openingTags = /<([a-z][a-z0-9-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/gi;
const attributePattern = /([^\s=/>]+)(?:="([^"]*)")?/g;

const decode = (value: string): string =>
	value.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** Every element's opening tag, in document order. */
export function elements(html: string): Element[] {
	return [...html.matchAll(openingTags)].map(([, tag = '', rest = '']) => ({
		tag: tag.toLowerCase(),
		attributes: new Map(
			[...rest.matchAll(attributePattern)].map(([, name = '', value = '']) => [name, decode(value)]),
		),
	}));
}

/** The elements with this tag, or with this attribute (and value, when given). */
export function findAll(
	html: string,
	query: { tag?: string; attribute?: string; value?: string },
): Element[] {
	return elements(html).filter(
		(element) =>
			(query.tag === undefined || element.tag === query.tag) &&
			(query.attribute === undefined ||
				(element.attributes.has(query.attribute) &&
					(query.value === undefined || element.attributes.get(query.attribute) === query.value))),
	);
}

/** The one element that matches; throws when there is none or more than one, which is a broken test. */
export function findOne(html: string, query: { tag?: string; attribute?: string; value?: string }): Element {
	const found = findAll(html, query);
	if (found.length !== 1)
		throw new Error(`expected one element for ${JSON.stringify(query)}, found ${found.length}`);
	return found[0] as Element;
}

/** The text between tags, with comments and whitespace runs collapsed. */
export function textOf(html: string): string {
	return html
		.replaceAll(/<!--[\s\S]*?-->/g, '')
		.replaceAll(/<[^>]+>/g, ' ')
		.replaceAll(/\s+/g, ' ')
		.trim();
}
