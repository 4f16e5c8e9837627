const units = [
	['day', 86_400],
	['hour', 3_600],
	['minute', 60],
] as const;

/**
 * A running time as the reader says it ("3天4小时", "3 days, 4 hr"): the largest unit that is not zero
 * and the next one when it is not zero either, down to minutes; under a minute, in seconds.
 */
export function formatUptime(totalSeconds: number, locale: string): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	const format = (unit: string, value: number) =>
		new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
	if (seconds < 60) return format('second', seconds);

	const amounts = units.map(([unit, size], index) => {
		const larger = index === 0 ? Infinity : (units[index - 1]?.[1] ?? Infinity);
		return { unit, value: Math.floor((seconds % larger) / size) };
	});
	const first = amounts.findIndex((amount) => amount.value > 0);
	const shown = amounts.slice(first, first + 2).filter((amount, index) => index === 0 || amount.value > 0);
	return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(
		shown.map((amount) => format(amount.unit, amount.value)),
	);
}
