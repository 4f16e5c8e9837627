import type { Position } from '@estate-ops/domain/estate';
import type { Dice } from '../seed/random';
import { isRefusal, type SimulatedActor } from './actor';
import type { EstatePicture } from './estate-picture';
import type { FieldPhone } from './field-phone';
import type { Pace } from './pace';
import { offsetMetres, planWalk, standStill, walkAt, type Walk } from './walk';
import {
	contactDelayMs,
	nextOrderToWork,
	technicianStepFor,
	workDurationMs,
	workRecordFor,
	type Order,
} from './work-order.plan';

/**
 * A simulated technician (维修工) with the field view's task list (`GET /api/v1/work-orders`, their own
 * orders): calls the resident, walks to the flat or the place, arrives, works and resolves with a work record
 * (`POST /api/v1/work-orders/{id}/commands`). Technicians may not accept orders themselves (the desk does);
 * between jobs they wait about the engineering office in the clubhouse.
 */
export function createTechnician(input: {
	readonly phone: FieldPhone;
	readonly picture: EstatePicture;
	readonly dice: Dice;
	readonly pace: Pace;
	readonly startMs: number;
}): SimulatedActor {
	const { phone, dice, pace, picture } = input;
	const office = offsetMetres(picture.clubhouse, dice.float(-15, 15), dice.float(-10, 10));
	const siteOf = (order: Order): Position =>
		offsetMetres(
			order.location.kind === 'point'
				? order.location.position
				: (picture.buildings.get(order.location.buildingId) ?? picture.clubhouse),
			dice.float(-2, 2),
			dice.float(-2, 2),
		);

	let walk: Walk = standStill(office, input.startMs);
	let nextLookMs = input.startMs;
	let restUntilMs = input.startMs;
	let order: Order | null = null;
	let contactAtMs: number | null = null;
	let onTheWay = false;
	let arrivedAtMs: number | null = null;
	let workEndsMs: number | null = null;

	const drop = (nowMs: number) => {
		order = null;
		contactAtMs = null;
		onTheWay = false;
		arrivedAtMs = null;
		workEndsMs = null;
		nextLookMs = nowMs;
	};

	const command = async (current: Order, body: Record<string, unknown>): Promise<Order> => {
		const { order: after } = await phone.api.post<{ order: Order }>(
			`/api/v1/work-orders/${current.id}/commands`,
			body,
		);
		return after;
	};

	const work = async (current: Order, nowMs: number, here: Position, arrived: boolean): Promise<void> => {
		switch (technicianStepFor(current)) {
			case 'contact':
				contactAtMs ??= nowMs + contactDelayMs(current.urgency, pace);
				if (nowMs < contactAtMs) return;
				order = await command(current, {
					type: 'recordContact',
					method: dice.chance(0.85) ? 'phone' : 'message',
					outcome: 'reached',
				});
				contactAtMs = null;
				return;
			case 'go':
				if (!onTheWay) {
					onTheWay = true;
					walk = planWalk(here, [siteOf(current)], nowMs);
					return;
				}
				if (!arrived) return;
				order = await command(current, { type: 'arrive' });
				onTheWay = false;
				arrivedAtMs = nowMs;
				return;
			case 'work': {
				// An order found already on site (from before a restart): walk back there first.
				if (arrivedAtMs === null) {
					if (!onTheWay) {
						onTheWay = true;
						walk = planWalk(here, [siteOf(current)], nowMs);
						return;
					}
					if (!arrived) return;
					onTheWay = false;
					arrivedAtMs = nowMs;
				}
				workEndsMs ??= nowMs + workDurationMs(current.urgency, pace);
				if (nowMs < workEndsMs) return;
				const startedAtMs = Math.min(arrivedAtMs + pace.between(60_000, 5 * 60_000), nowMs);
				const endedAtMs = Math.max(startedAtMs, nowMs - dice.int(0, 60_000));
				await command(current, { type: 'resolve', ...workRecordFor(current, startedAtMs, endedAtMs, dice) });
				drop(nowMs);
				walk = planWalk(here, [office], nowMs);
				restUntilMs = walk.endMs;
				return;
			}
			case 'none':
				drop(nowMs);
				return;
		}
	};

	return {
		label: `technician ${phone.name}`,
		async tick(nowMs) {
			await phone.track((atMs) => walkAt(walk, atMs), nowMs);
			const { point: here, arrived } = walkAt(walk, nowMs);
			if (order) {
				try {
					await work(order, nowMs, here, arrived);
				} catch (error) {
					// Reassigned, paused or moved on by someone else: look at the list again.
					if (!isRefusal(error)) throw error;
					drop(nowMs);
				}
				return;
			}
			if (nowMs >= nextLookMs) {
				nextLookMs = nowMs + pace.between(40_000, 80_000);
				const { items } = await phone.api.get<{ items: { order: Order }[] }>(
					'/api/v1/work-orders?status=assigned,on_site&limit=50',
				);
				order = nextOrderToWork(
					items.map((item) => item.order).filter((o) => o.assigneeId === phone.staffId),
				);
				if (order) return;
			}
			// Between jobs: about the engineering office.
			if (arrived && nowMs >= restUntilMs) {
				walk = planWalk(here, [offsetMetres(office, dice.float(-8, 8), dice.float(-8, 8))], nowMs, 0.6);
				restUntilMs = walk.endMs + pace.between(3 * 60_000, 8 * 60_000);
			}
		},
	};
}
