/**
 * A countdown as a control room reads it at a glance: "4:05" under an hour, "2:04:05" under a day,
 * "3d 4h" beyond (the day and hour units in the reader's language). Always positive: whether it is
 * due or overdue is said by the words around it.
 */
export function formatCountdown(ms: number, locale: string): string {
	const total = Math.floor(Math.abs(ms) / 1000);
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const two = (n: number) => String(n).padStart(2, '0');
	if (hours < 1) return `${minutes}:${two(seconds)}`;
	if (hours < 24) return `${hours}:${two(minutes)}:${two(seconds)}`;
	const unit = (value: number, name: 'day' | 'hour') =>
		new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
	return `${unit(Math.floor(hours / 24), 'day')} ${unit(hours % 24, 'hour')}`;
}
