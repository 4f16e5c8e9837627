/**
 * How long ago something was, as a control room reads it ("12 秒前", "3 min ago"): seconds under a minute,
 * minutes under an hour, then hours. A time a little ahead (a device clock running fast) reads as now.
 */
export function formatAgo(at: Date, now: Date, locale: string): string {
	const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
	const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
	if (seconds < 60) return format.format(-seconds, 'second');
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return format.format(-minutes, 'minute');
	return format.format(-Math.floor(minutes / 60), 'hour');
}
