import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { addDays, localDateOf, zonedInstant } from '@estate-ops/domain/shared';
import type { WorkOrder } from '@estate-ops/domain/work-orders';
import { isOpenStatus, workOrderSla } from '@estate-ops/domain/work-orders';
import type { Executor } from '../db/database';
import { workOrderRow } from '../db/repositories/work-order.repository';
import { workOrderHistory, workOrders } from '../db/schema/index';
import { insertInBatches } from './batch';
import { liveOrders } from './live-orders';
import type { SimulatedOrder, SimulationContext } from './work-order-simulation';
import { createSimulation, HISTORY_DAYS, HISTORY_ORDERS, HOURLY_WEIGHTS } from './work-order-simulation';

export type WorkOrderCounts = {
	readonly workOrders: number;
	readonly openWorkOrders: number;
	readonly workOrderHistory: number;
};

/**
 * Three months of work orders before `now`, each driven through the domain's `decide` (so urgency comes from
 * `classifyUrgency` and every step is one the lifecycle allows), plus the hand-made live ones. Some are
 * still open at `now`: the step they would take next lies in the future.
 */
export function simulateWorkOrders(ctx: SimulationContext): SimulatedOrder[] {
	const { dice, now, timeZone } = ctx;
	const sim = createSimulation(ctx);
	const today = localDateOf(now, timeZone);
	const orders: SimulatedOrder[] = [];
	while (orders.length < HISTORY_ORDERS) {
		const day = addDays(today, -dice.int(0, HISTORY_DAYS - 1));
		const minuteOfDay = dice.weighted(HOURLY_WEIGHTS) * 60 + dice.int(0, 59);
		const submittedAt = new Date(zonedInstant(day, minuteOfDay, timeZone).getTime() + dice.int(0, 59) * 1000);
		// Nothing filed in the last half hour but the live orders, whose state at `now` is chosen by hand.
		if (submittedAt.getTime() > now.getTime() - 30 * 60_000) continue;
		const simulated = sim.simulate(sim.plan(), submittedAt);
		if (simulated) orders.push(simulated);
	}
	orders.push(...liveOrders(sim, now));
	return orders.sort((a, b) => a.state.submittedAt.getTime() - b.state.submittedAt.getTime());
}

/** The `work_orders` row of an order with its SLA columns as of `now`, exactly as the api writes it. */
export function seededWorkOrderRow(
	order: WorkOrder,
	publicTokenHash: string,
	ctx: Pick<SimulationContext, 'rules' | 'calendar' | 'now'>,
) {
	const sla = workOrderSla(order, ctx.rules, ctx.calendar, ctx.now);
	return workOrderRow(order, { nextDueAt: sla.next?.dueAt ?? null, slaState: sla.state }, publicTokenHash);
}

export async function seedWorkOrders(db: Executor, ctx: SimulationContext): Promise<WorkOrderCounts> {
	const orders = simulateWorkOrders(ctx);
	// The token itself is never kept: the demo orders' status links cannot be opened, only new ones can.
	const tokenHash = () =>
		createHash('sha256')
			.update(encodeBase32LowerCaseNoPadding(ctx.dice.bytes(24)))
			.digest('hex');
	await insertInBatches(
		db,
		workOrders,
		orders.map(({ state }) => seededWorkOrderRow(state, tokenHash(), ctx)),
	);
	const history = orders.flatMap(({ state, events }) =>
		events.map((event, index) => ({
			estateId: state.estateId,
			workOrderId: state.id,
			version: index + 1,
			type: event.type,
			actor: event.actor as unknown,
			at: event.at,
			event: event as unknown,
			requestId: null,
		})),
	);
	await insertInBatches(db, workOrderHistory, history);
	return {
		workOrders: orders.length,
		openWorkOrders: orders.filter(({ state }) => isOpenStatus(state.status)).length,
		workOrderHistory: history.length,
	};
}
