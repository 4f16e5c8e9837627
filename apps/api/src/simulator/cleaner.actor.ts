import type { Position } from '@estate-ops/domain/estate';
import type { Dice } from '../seed/random';
import { isRefusal, type SimulatedActor } from './actor';
import {
	breakBeforeMs,
	nextCleaningTask,
	workDurationMs,
	type CleaningTask,
	type CleaningZone,
} from './cleaning.plan';
import type { EstatePicture } from './estate-picture';
import type { FieldPhone } from './field-phone';
import type { Pace } from './pace';
import { offsetMetres, planWalk, standStill, walkAt, type Walk } from './walk';

/**
 * A simulated cleaner (保洁员): looks at today's rounds of their zones (`GET /api/v1/cleaning/today`), walks
 * to the one due first, works there a while and marks it done (`POST /api/v1/cleaning/tasks/{id}/done`);
 * sometimes after a break, so that the round is done late.
 */
export function createCleaner(input: {
	readonly phone: FieldPhone;
	/** The zones this cleaner looks after. */
	readonly zoneIds: readonly string[];
	readonly picture: EstatePicture;
	readonly dice: Dice;
	readonly pace: Pace;
	readonly startMs: number;
}): SimulatedActor {
	const { phone, dice, pace, picture } = input;
	const mine = new Set(input.zoneIds);
	const placeOfZone = (zoneId: string): Position => picture.zones.get(zoneId) ?? picture.clubhouse;
	const start = input.zoneIds[0] === undefined ? picture.clubhouse : placeOfZone(input.zoneIds[0]);

	let walk: Walk = standStill(offsetMetres(start, dice.float(-6, 6), dice.float(-6, 6)), input.startMs);
	let nextLookMs = input.startMs;
	let restUntilMs = input.startMs;
	// Where the cleaner last worked: they wait about there when nothing is due.
	let lastPlace = start;
	let job: { zone: CleaningZone; task: CleaningTask; workEndsMs: number | null } | null = null;

	const markDone = async (task: CleaningTask, nowMs: number): Promise<void> => {
		try {
			await phone.api.post(`/api/v1/cleaning/tasks/${encodeURIComponent(task.id)}/done`, {
				doneAt: new Date(nowMs).toISOString(),
				...(dice.chance(0.1)
					? { note: dice.pick(['已消毒', '地面已拖干', '垃圾已清运', '已补充洗手液']) }
					: {}),
			});
		} catch (error) {
			// Someone else did it, or the day moved on: look for the next one.
			if (!isRefusal(error)) throw error;
		}
	};

	/** Working in a zone: a few steps at a time about its middle. */
	const potter = (here: Position, zoneId: string, nowMs: number) => {
		const place = placeOfZone(zoneId);
		walk = planWalk(here, [offsetMetres(place, dice.float(-12, 12), dice.float(-12, 12))], nowMs, 0.5);
		restUntilMs = walk.endMs + pace.between(20_000, 90_000);
	};

	return {
		label: `cleaner ${phone.name}`,
		async tick(nowMs) {
			await phone.track((atMs) => walkAt(walk, atMs), nowMs);
			const { point: here, arrived } = walkAt(walk, nowMs);
			if (job) {
				if (!arrived && job.workEndsMs === null) return;
				job.workEndsMs ??= nowMs + workDurationMs(job.zone.kind, pace);
				if (nowMs < job.workEndsMs) {
					if (arrived && nowMs >= restUntilMs) potter(here, job.zone.zoneId, nowMs);
					return;
				}
				await markDone(job.task, nowMs);
				job = null;
				nextLookMs = nowMs;
				walk = standStill(here, nowMs);
			}
			if (nowMs >= nextLookMs) {
				nextLookMs = nowMs + pace.between(90_000, 180_000);
				const { zones } = await phone.api.get<{ zones: CleaningZone[] }>('/api/v1/cleaning/today');
				const next = nextCleaningTask(zones, mine, nowMs);
				if (next) {
					const setOffMs = nowMs + breakBeforeMs(dice, pace);
					const place = placeOfZone(next.zone.zoneId);
					lastPlace = place;
					walk = planWalk(here, [offsetMetres(place, dice.float(-5, 5), dice.float(-5, 5))], setOffMs);
					job = { ...next, workEndsMs: null };
					return;
				}
			}
			// Nothing due: tidying about the last zone.
			if (arrived && nowMs >= restUntilMs) {
				walk = planWalk(
					here,
					[offsetMetres(lastPlace, dice.float(-10, 10), dice.float(-10, 10))],
					nowMs,
					0.5,
				);
				restUntilMs = walk.endMs + pace.between(2 * 60_000, 5 * 60_000);
			}
		},
	};
}
