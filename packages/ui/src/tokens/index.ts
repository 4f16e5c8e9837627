/**
 * Design tokens for code that cannot read CSS custom properties (ECharts options, MapLibre styles).
 * The values mirror tokens.css; tokens.test.ts fails when the two drift apart.
 */

export const themeNames = ['dark', 'light'] as const;
export type ThemeName = (typeof themeNames)[number];

export const colorTokens = [
	'bg',
	'surface',
	'surface-raised',
	'border',
	'text',
	'text-muted',
	'accent',
	'accent-text',
	'danger',
	'danger-text',
	'focus',
	'urgency-urgent',
	'urgency-important',
	'urgency-general',
	'sla-on-track',
	'sla-at-risk',
	'sla-breached',
	'neutral',
] as const;
export type ColorToken = (typeof colorTokens)[number];

/** The dark theme is the control room's; the light theme is the lobby kiosk's. */
export const themes: Record<ThemeName, Record<ColorToken, string>> = {
	dark: {
		bg: '#0d1117',
		surface: '#151b23',
		'surface-raised': '#1d2530',
		border: '#2d3744',
		text: '#e6edf3',
		'text-muted': '#9aa7b4',
		accent: '#4c9aff',
		'accent-text': '#0d1117',
		danger: '#f47067',
		'danger-text': '#0d1117',
		focus: '#ffd166',
		'urgency-urgent': '#f47067',
		'urgency-important': '#f0b429',
		'urgency-general': '#58a6ff',
		'sla-on-track': '#3fb950',
		'sla-at-risk': '#f0b429',
		'sla-breached': '#ff5c5c',
		neutral: '#8b98a5',
	},
	light: {
		bg: '#f5f3ef',
		surface: '#ffffff',
		'surface-raised': '#ffffff',
		border: '#d6d1c8',
		text: '#1f2328',
		'text-muted': '#57606a',
		accent: '#0a5cc2',
		'accent-text': '#ffffff',
		danger: '#b42318',
		'danger-text': '#ffffff',
		focus: '#b35c00',
		'urgency-urgent': '#b42318',
		'urgency-important': '#a15c00',
		'urgency-general': '#0a5cc2',
		'sla-on-track': '#1a7f37',
		'sla-at-risk': '#a15c00',
		'sla-breached': '#b42318',
		neutral: '#57606a',
	},
};

/** The urgency classes of a work order, as the domain names them. */
export const urgencyLevels = ['urgent', 'important', 'general'] as const;
export type UrgencyLevel = (typeof urgencyLevels)[number];

/** The SLA states of a running deadline, as the domain names them. */
export const slaStates = ['on_track', 'at_risk', 'breached'] as const;
export type SlaState = (typeof slaStates)[number];

export const urgencyColor = (theme: ThemeName, urgency: UrgencyLevel): string =>
	themes[theme][`urgency-${urgency}`];

export const slaStateColor = (theme: ThemeName, state: SlaState): string => {
	switch (state) {
		case 'on_track':
			return themes[theme]['sla-on-track'];
		case 'at_risk':
			return themes[theme]['sla-at-risk'];
		case 'breached':
			return themes[theme]['sla-breached'];
	}
};

/** The CSS custom property that holds a colour token, for inline styles that must follow the theme. */
export const colorVar = (token: ColorToken): string => `var(--color-${token})`;

export const space = {
	1: 4,
	2: 8,
	3: 12,
	4: 16,
	5: 24,
	6: 32,
	7: 48,
	8: 64,
} as const;

export const radius = { sm: 4, md: 8, lg: 12, xl: 20, pill: 999 } as const;

/** The smallest touch target on the kiosk, in CSS pixels. */
export const touchTargetMin = 64;

export const fontFamily = {
	sans: [
		'system-ui',
		'-apple-system',
		'Segoe UI',
		'PingFang SC',
		'Hiragino Sans GB',
		'Noto Sans CJK SC',
		'Source Han Sans SC',
		'WenQuanYi Micro Hei',
		'Microsoft YaHei',
		'Helvetica Neue',
		'Arial',
		'sans-serif',
	],
	mono: [
		'ui-monospace',
		'SF Mono',
		'Cascadia Mono',
		'Noto Sans Mono CJK SC',
		'DejaVu Sans Mono',
		'Menlo',
		'Consolas',
		'monospace',
	],
} as const;

const genericFamilies = new Set(['system-ui', 'sans-serif', 'monospace', 'ui-monospace', '-apple-system']);

/** A font stack as a CSS `font-family` value (ECharts' `textStyle.fontFamily` takes the same string). */
export const fontStack = (families: readonly string[]): string =>
	families
		.map((family) => (genericFamilies.has(family) || !family.includes(' ') ? family : `'${family}'`))
		.join(', ');
