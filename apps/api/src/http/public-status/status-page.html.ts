import type { PublicProgress } from '../../services/kiosk.service';
import {
	LOCALE_NAMES,
	STATUS_PAGE_LOCALES,
	statusPageText,
	type StatusPageLocale,
} from './status-page.messages';

/**
 * The public status page as HTML: one small, phone-friendly document with no script, no external asset and
 * nothing personal (no name, phone, room or the resident's words). Everything interpolated is escaped.
 */

/** The page's only style sheet; the route allows exactly this text by its hash in the CSP. */
export const STATUS_PAGE_CSS = `
:root{color-scheme:light;--ink:#1c2430;--muted:#5b6675;--line:#dfe3e8;--accent:#0b5cad;--ok:#1d7a46;--warn:#9a5b00;--bg:#f5f6f8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.55 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:34rem;margin:0 auto;padding:1.25rem 1rem 2.5rem}
header p{margin:0;color:var(--muted);font-size:.95rem}
h1{margin:.25rem 0 1rem;font-size:1.5rem;line-height:1.3}
.card{background:#fff;border:1px solid var(--line);border-radius:14px;padding:1rem 1.1rem;margin:0 0 1rem}
.code{font:700 1.9rem/1.2 ui-monospace,"SF Mono",Menlo,Consolas,monospace;letter-spacing:.08em;margin:.1rem 0 .6rem}
.label{margin:0;color:var(--muted);font-size:.9rem}
.status{display:inline-block;margin:.2rem 0 0;padding:.35rem .8rem;border-radius:999px;background:#e8f0fb;color:var(--accent);font-weight:600}
.status[data-status=closed]{background:#e6f4ec;color:var(--ok)}
.status[data-status=cancelled]{background:#eef0f3;color:var(--muted)}
.note{margin:.75rem 0 0;padding:.6rem .8rem;border-radius:10px;background:#fff5e6;color:var(--warn)}
h2{margin:0 0 .5rem;font-size:1.05rem}
.next{margin:0;font-size:1.1rem;font-weight:600}
.due{margin:.2rem 0 0;color:var(--muted)}
ol{list-style:none;margin:0;padding:0}
li{display:flex;justify-content:space-between;gap:1rem;padding:.55rem 0;border-top:1px solid var(--line)}
li:first-child{border-top:0}
time{color:var(--muted);white-space:nowrap}
nav{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1.25rem 0 .5rem;font-size:.95rem}
a{color:var(--accent)}
nav a,.refresh{display:inline-block;padding:.45rem .8rem;border:1px solid var(--line);border-radius:999px;background:#fff;text-decoration:none}
nav a[aria-current=true]{border-color:var(--accent);font-weight:600}
footer{color:var(--muted);font-size:.85rem}
`.trim();

const ESCAPES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

const HTML_LANG: Readonly<Record<StatusPageLocale, string>> = {
	'zh-Hans': 'zh-Hans',
	'zh-Hant': 'zh-Hant',
	en: 'en',
};

const INTL_LOCALE: Readonly<Record<StatusPageLocale, string>> = {
	'zh-Hans': 'zh-Hans-CN',
	'zh-Hant': 'zh-Hant-TW',
	en: 'en-GB',
};

function formatTime(at: Date, locale: StatusPageLocale, timeZone: string): string {
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone,
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(at);
}

function languageLinks(locale: StatusPageLocale): string {
	const t = (key: string) => statusPageText(locale, key);
	const links = STATUS_PAGE_LOCALES.map(
		(option) =>
			`<a href="?lang=${option}" hreflang="${HTML_LANG[option]}" lang="${HTML_LANG[option]}"${option === locale ? ' aria-current="true"' : ''}>${escapeHtml(LOCALE_NAMES[option])}</a>`,
	).join('');
	return `<nav aria-label="${escapeHtml(t('language_label'))}">${links}</nav>`;
}

function htmlDocument(locale: StatusPageLocale, title: string, body: string): string {
	return [
		'<!doctype html>',
		`<html lang="${HTML_LANG[locale]}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="robots" content="noindex, nofollow">',
		'<meta name="referrer" content="no-referrer">',
		`<title>${escapeHtml(title)}</title>`,
		`<style>${STATUS_PAGE_CSS}</style>`,
		'</head>',
		`<body><main>${body}</main></body>`,
		'</html>',
	].join('\n');
}

/** What the status is in plain words; "assigned" reads differently before and after the call. */
function statusKey(progress: PublicProgress): string {
	if (progress.status === 'assigned' && progress.steps.contactedAt !== null)
		return 'status_assigned_contacted';
	return `status_${progress.status}`;
}

const TIMELINE: readonly (readonly [keyof PublicProgress['steps'], string])[] = [
	['submittedAt', 'step_submitted'],
	['acceptedAt', 'step_accepted'],
	['assignedAt', 'step_assigned'],
	['contactedAt', 'step_contacted'],
	['arrivedAt', 'step_arrived'],
	['resolvedAt', 'step_resolved'],
	['feedbackAt', 'step_feedback'],
	['closedAt', 'step_closed'],
	['cancelledAt', 'step_cancelled'],
];

export type StatusPageInput = {
	readonly locale: StatusPageLocale;
	readonly progress: PublicProgress;
	readonly estateName: string;
	readonly timeZone: string;
	readonly now: Date;
};

export function renderStatusPage(input: StatusPageInput): string {
	const { locale, progress, timeZone } = input;
	const t = (key: string, values: Readonly<Record<string, string | number>> = {}) =>
		escapeHtml(statusPageText(locale, key, values));
	const at = (instant: Date) => escapeHtml(formatTime(instant, locale, timeZone));

	const steps = TIMELINE.flatMap(([field, key]) => {
		const when = progress.steps[field];
		return when === null ? [] : [{ key, when }];
	}).sort((a, b) => a.when.getTime() - b.when.getTime());
	const timeline = steps
		.map(
			({ key, when }) =>
				`<li><span>${t(key)}</span><time datetime="${when.toISOString()}">${at(when)}</time></li>`,
		)
		.join('');

	const next = progress.next;
	const nextBlock = next
		? `<p class="next">${t(`next_${next.step}`)}</p>${
				next.dueBy && !progress.paused
					? `<p class="due">${t('next_due', { time: formatTime(next.dueBy, locale, timeZone) })}</p>`
					: ''
			}`
		: `<p class="next">${t('next_none')}</p>`;

	const notes = [
		progress.paused ? `<p class="note">${t('paused')}</p>` : '',
		progress.reopenCount > 0 ? `<p class="note">${t('reopened', { count: progress.reopenCount })}</p>` : '',
	].join('');

	const body = [
		`<header><p>${t('service_of', { estate: input.estateName })}</p>`,
		`<h1>${t(`kind_${progress.kind}`)} · ${t(`category_${progress.category}`)}</h1></header>`,
		'<section class="card" aria-labelledby="code-label">',
		`<p class="label" id="code-label">${t('label_code')}</p>`,
		`<p class="code" data-testid="status-code">${escapeHtml(progress.code)}</p>`,
		`<p class="label">${t('label_status')}</p>`,
		`<p class="status" data-testid="status" data-status="${escapeHtml(progress.status)}">${t(statusKey(progress))}</p>`,
		notes,
		'</section>',
		`<section class="card"><h2>${t('next_heading')}</h2>${nextBlock}</section>`,
		`<section class="card"><h2>${t('timeline_heading')}</h2><ol data-testid="timeline">${timeline}</ol></section>`,
		`<p><a class="refresh" href="?lang=${locale}">${t('refresh')}</a> <span class="label">${t('updated_at', { time: formatTime(input.now, locale, timeZone) })}</span></p>`,
		languageLinks(locale),
		`<footer><p>${t('privacy_note')}</p></footer>`,
	].join('\n');
	return htmlDocument(locale, statusPageText(locale, 'page_title', { code: progress.code }), body);
}

/** The answer to a token no request has. */
export function renderNotFoundPage(locale: StatusPageLocale): string {
	const t = (key: string) => escapeHtml(statusPageText(locale, key));
	return htmlDocument(
		locale,
		statusPageText(locale, 'not_found_title'),
		`<h1>${t('not_found_title')}</h1><section class="card"><p>${t('not_found_body')}</p></section>${languageLinks(locale)}`,
	);
}

/** The answer while an address is refused for asking about too many unknown tokens. */
export function renderTooManyPage(locale: StatusPageLocale, retryAfterSeconds: number): string {
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
	return htmlDocument(
		locale,
		statusPageText(locale, 'too_many_title'),
		`<h1>${escapeHtml(statusPageText(locale, 'too_many_title'))}</h1><section class="card"><p>${escapeHtml(
			statusPageText(locale, 'too_many_body', { minutes }),
		)}</p></section>`,
	);
}
