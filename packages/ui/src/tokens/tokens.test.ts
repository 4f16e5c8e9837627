import { describe, expect, it } from 'vitest';
import css from './tokens.css?raw';
import {
	colorTokens,
	fontFamily,
	fontStack,
	radius,
	slaStateColor,
	slaStates,
	space,
	themeNames,
	themes,
	touchTargetMin,
	urgencyColor,
	urgencyLevels,
} from './index.js';
import type { ThemeName } from './index.js';

/** The custom properties declared in every rule whose selector list contains `selector`. */
function declarations(selector: string): Map<string, string> {
	const withoutComments = css.replaceAll(/\/\*[\s\S]*?\*\//g, '');
	const rules = [...withoutComments.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, selectors = '']) =>
		selectors
			.split(',')
			.map((part) => part.trim())
			.includes(selector),
	);
	if (rules.length === 0) throw new Error(`no rule for ${selector}`);
	return new Map(
		rules.flatMap(([, , body = '']) =>
			[...body.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)].map(
				([, name = '', value = '']) => [name, value.replaceAll(/\s+/g, ' ').trim()] as const,
			),
		),
	);
}

const themeSelector: Record<ThemeName, string> = {
	dark: "[data-theme='dark']",
	light: "[data-theme='light']",
};

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
			const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
			return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

describe('design tokens', () => {
	it.each(themeNames)('the %s theme declares every colour token with the value TypeScript has', (theme) => {
		const declared = declarations(themeSelector[theme]);
		const expected = new Map(colorTokens.map((token) => [`--color-${token}`, themes[theme][token]]));
		const colours = new Map([...declared].filter(([name]) => name.startsWith('--color-')));
		expect(colours).toEqual(expected);
	});

	it('makes the dark control-room theme the default', () => {
		expect(declarations(':root').get('--color-bg')).toBe(themes.dark.bg);
	});

	it('declares the spacing, radii and touch target that TypeScript has', () => {
		const root = declarations(':root');
		for (const [step, px] of Object.entries(space)) expect(root.get(`--space-${step}`)).toBe(`${px}px`);
		for (const [name, px] of Object.entries(radius)) expect(root.get(`--radius-${name}`)).toBe(`${px}px`);
		expect(root.get('--touch-target-min')).toBe(`${touchTargetMin}px`);
		expect(touchTargetMin).toBeGreaterThanOrEqual(64);
	});

	it('declares the font stacks that TypeScript has, with CJK system fonts and no web fonts', () => {
		const root = declarations(':root');
		expect(root.get('--font-sans')).toBe(fontStack(fontFamily.sans));
		expect(root.get('--font-mono')).toBe(fontStack(fontFamily.mono));
		expect(fontFamily.sans).toEqual(
			expect.arrayContaining(['PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei']),
		);
		expect(css).not.toMatch(/@import|@font-face|url\(/);
	});

	it.each(themeNames)('the %s theme keeps body text and muted text readable (WCAG AA)', (theme) => {
		const colours = themes[theme];
		expect(contrast(colours.text, colours.bg)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(colours.text, colours.surface)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(colours['text-muted'], colours.surface)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(colours['accent-text'], colours.accent)).toBeGreaterThanOrEqual(4.5);
		expect(contrast(colours['danger-text'], colours.danger)).toBeGreaterThanOrEqual(4.5);
	});

	it.each(themeNames)('the %s theme’s urgency and SLA colours stand out from the surface', (theme) => {
		for (const urgency of urgencyLevels) {
			expect(contrast(urgencyColor(theme, urgency), themes[theme].surface)).toBeGreaterThanOrEqual(3);
		}
		for (const state of slaStates) {
			expect(contrast(slaStateColor(theme, state), themes[theme].surface)).toBeGreaterThanOrEqual(3);
		}
	});

	it('tells the three urgency classes apart by colour in each theme', () => {
		for (const theme of themeNames) {
			expect(new Set(urgencyLevels.map((urgency) => urgencyColor(theme, urgency))).size).toBe(3);
			expect(new Set(slaStates.map((state) => slaStateColor(theme, state))).size).toBe(3);
		}
	});

	it('quotes family names with spaces and leaves generic families bare', () => {
		expect(fontStack(['system-ui', 'PingFang SC', 'Arial', 'sans-serif'])).toBe(
			"system-ui, 'PingFang SC', Arial, sans-serif",
		);
	});
});
