import { addDays, localDateOf, zonedInstant } from '@estate-ops/domain/shared';

export type DayPart = 'morning' | 'afternoon' | 'evening';
export type SlotDay = 'today' | 'tomorrow' | 'day_after';

/** A window chip's name: as soon as possible, or a part of one of the next three days. */
export type SlotName =
	| { readonly key: 'asap' }
	| { readonly key: `${SlotDay}-${DayPart}`; readonly day: SlotDay; readonly part: DayPart };

/** A window chip with the window it stands for (none for as soon as possible). */
export type WindowSlot =
	| { readonly key: 'asap' }
	| (Extract<SlotName, { day: SlotDay }> & { readonly from: Date; readonly to: Date });

/** Parts of the day as the estate's staff work them, in the estate's local time. */
const PARTS: readonly { part: DayPart; from: string; to: string }[] = [
	{ part: 'morning', from: '09:00', to: '12:00' },
	{ part: 'afternoon', from: '13:00', to: '17:00' },
	{ part: 'evening', from: '18:00', to: '20:00' },
];

const DAYS: readonly SlotDay[] = ['today', 'tomorrow', 'day_after'];

/**
 * The window chips, first "as soon as possible" (no window), then every part of today that has not begun
 * and every part of the next two days, in the estate's time zone.
 */
export function windowSlots(now: Date, timeZone: string): WindowSlot[] {
	const today = localDateOf(now, timeZone);
	const slots: WindowSlot[] = [{ key: 'asap' }];
	DAYS.forEach((day, offset) => {
		const date = addDays(today, offset);
		for (const { part, from, to } of PARTS) {
			const start = zonedInstant(date, from, timeZone);
			if (start.getTime() <= now.getTime()) continue;
			slots.push({ key: `${day}-${part}`, day, part, from: start, to: zonedInstant(date, to, timeZone) });
		}
	});
	return slots;
}

/** The chosen slot's window for the api (`desiredWindow`), or null for as soon as possible or unknown. */
export function desiredWindowOf(
	key: string | null,
	now: Date,
	timeZone: string,
): { from: string; to: string } | null {
	const slot = windowSlots(now, timeZone).find((candidate) => candidate.key === key);
	if (slot === undefined || slot.key === 'asap') return null;
	return { from: slot.from.toISOString(), to: slot.to.toISOString() };
}

const SLOT_KEY = /^(today|tomorrow|day_after)-(morning|afternoon|evening)$/;

/** The chip a key names, to show a chosen window again later; null for a key that names none. */
export function slotOfKey(key: string): SlotName | null {
	if (key === 'asap') return { key: 'asap' };
	const match = SLOT_KEY.exec(key);
	if (match === null) return null;
	const day = match[1] as SlotDay;
	const part = match[2] as DayPart;
	return { key: `${day}-${part}`, day, part };
}
