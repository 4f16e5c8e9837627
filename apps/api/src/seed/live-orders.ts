import type { StaffId } from '@estate-ops/domain/shared';
import { MINUTE_MS } from '@estate-ops/domain/shared';
import type { WorkOrderCategory, WorkOrderChannel } from '@estate-ops/domain/work-orders';
import type { OrderRun, SimulatedOrder, Simulation } from './work-order-simulation';

type Want = {
	readonly category: WorkOrderCategory;
	readonly text: string;
	readonly channel?: WorkOrderChannel;
};

/**
 * Orders written out by hand so that the live map always has something to show whatever the day: every
 * deadline here is a wall-clock one (urgent and important orders, acceptance and follow-up), so the state at
 * `now` does not depend on weekends or holidays. Minutes are counted back from `now`.
 */
export function liveOrders(sim: Simulation, now: Date): SimulatedOrder[] {
	const ago = (minutes: number): Date => new Date(now.getTime() - minutes * MINUTE_MS);

	function order(
		want: Want,
		submittedAgo: number,
		walk: (run: OrderRun, at: typeof ago, people: People) => void,
	): SimulatedOrder {
		const plan = sim.plan(want);
		const run = sim.start(plan, ago(submittedAgo));
		const agent = sim.onDuty(ago(submittedAgo));
		const assignee = sim.assigneeFor(plan);
		walk(run, ago, {
			agent: sim.asStaff(agent),
			dispatcher: sim.asStaff(sim.dispatcherAt(ago(submittedAgo))),
			worker: sim.asWorker(assignee),
			assigneeId: assignee.id as StaffId,
		});
		return sim.finish(run);
	}

	const accept = (run: OrderRun, at: Date, p: People) => sim.step(run, { type: 'accept' }, p.agent, at);
	const assign = (run: OrderRun, at: Date, p: People) =>
		sim.step(run, { type: 'assign', assigneeId: p.assigneeId }, p.dispatcher, at);
	const contact = (run: OrderRun, at: Date, p: People) =>
		sim.step(run, { type: 'recordContact', method: 'phone', outcome: 'reached', note: null }, p.worker, at);
	const arrive = (run: OrderRun, at: Date, p: People) => sim.step(run, { type: 'arrive' }, p.worker, at);

	return [
		// Urgent, on its way: 9 of the 15 minutes to be on site used.
		order({ category: 'plumbing', text: '卫生间墙内水管爆裂', channel: 'phone' }, 9, (run, at, p) => {
			accept(run, at(8.5), p);
			assign(run, at(7), p);
			contact(run, at(6), p);
		}),
		// Urgent, at risk: a lift entrapment, 13 of 15 minutes gone and nobody there yet.
		order(
			{ category: 'public_facilities', text: '{楼}1单元电梯困人', channel: 'phone' },
			13,
			(run, at, p) => {
				accept(run, at(12.5), p);
				assign(run, at(12), p);
				contact(run, at(11.5), p);
			},
		),
		// Urgent, on site and working on a power cut.
		order({ category: 'electrical', text: '家里突然断电', channel: 'wechat' }, 50, (run, at, p) => {
			accept(run, at(48), p);
			assign(run, at(46), p);
			contact(run, at(45), p);
			arrive(run, at(38), p);
		}),
		// Important, at risk: accepted but not dispatched after 50 of its 60 minutes.
		order(
			{ category: 'public_facilities', text: '{楼}门口的路灯不亮', channel: 'kiosk' },
			50,
			(run, at, p) => {
				accept(run, at(40), p);
			},
		),
		// General, breached: nobody has accepted it after 55 minutes (30 allowed).
		order({ category: 'carpentry', text: '书房木门变形', channel: 'app' }, 55, () => undefined),
		// Important, breached: a lift out of order for five hours, technician still not there (4 h allowed).
		order(
			{ category: 'public_facilities', text: '{楼}2单元电梯故障', channel: 'field' },
			300,
			(run, at, p) => {
				accept(run, at(296), p);
				assign(run, at(285), p);
				contact(run, at(280), p);
			},
		),
		// General, paused: waiting for a part since yesterday.
		order(
			{ category: 'appliances', text: '客厅空调制冷效果差', channel: 'wechat' },
			30 * 60,
			(run, at, p) => {
				accept(run, at(30 * 60 - 12), p);
				assign(run, at(30 * 60 - 40), p);
				contact(run, at(30 * 60 - 55), p);
				arrive(run, at(26 * 60), p);
				sim.step(
					run,
					{ type: 'pause', cause: 'waiting_for_parts', reason: '外机风扇电机需更换，已订购，预计两天到货' },
					p.worker,
					at(25 * 60),
				);
			},
		),
		// General, just filed at the lobby kiosk.
		order({ category: 'plumbing', text: '厨房水龙头关不紧', channel: 'kiosk' }, 3, () => undefined),
		// Resolved 20 hours ago and not yet followed up: 20 of the 24 hours gone.
		order({ category: 'doors_locks', text: '入户门锁芯转不动', channel: 'phone' }, 26 * 60, (run, at, p) => {
			accept(run, at(26 * 60 - 8), p);
			assign(run, at(25 * 60), p);
			contact(run, at(25 * 60 - 10), p);
			arrive(run, at(22 * 60), p);
			sim.step(
				run,
				{
					type: 'resolve',
					startedAt: at(22 * 60 - 5),
					endedAt: at(20 * 60 + 5),
					materials: [{ item: 'C级锁芯', quantity: 1, unit: '个' }],
					result: '更换锁芯，交付新钥匙三把',
					residentSignedOff: true,
				},
				p.worker,
				at(20 * 60),
			);
		}),
		// Urgent, on site: water coming through the ceiling from the flat above.
		order({ category: 'plumbing', text: '楼上漏水', channel: 'wechat' }, 24, (run, at, p) => {
			accept(run, at(22), p);
			assign(run, at(21), p);
			contact(run, at(19), p);
			arrive(run, at(12), p);
		}),
		// Important, on track: a door-entry reader out, technician called, visit due within four hours.
		order(
			{ category: 'public_facilities', text: '{楼}单元门禁刷卡没反应', channel: 'kiosk' },
			120,
			(run, at, p) => {
				accept(run, at(112), p);
				assign(run, at(95), p);
				contact(run, at(88), p);
			},
		),
		// A deep-cleaning booking taken by customer service, waiting for a cleaner.
		order({ category: 'cleaning_deep', text: '预约深度保洁', channel: 'app' }, 40, (run, at, p) => {
			accept(run, at(33), p);
		}),
		// General, filed on WeChat a quarter of an hour ago.
		order({ category: 'electrical', text: '卧室两个插座没电', channel: 'wechat' }, 15, () => undefined),
		// A noise complaint a guard is following up.
		order({ category: 'noise', text: '楼上每天晚上十点以后', channel: 'phone' }, 100, (run, at, p) => {
			accept(run, at(95), p);
			assign(run, at(80), p);
			contact(run, at(70), p);
		}),
	];
}

type People = {
	readonly agent: ReturnType<Simulation['asStaff']>;
	readonly dispatcher: ReturnType<Simulation['asStaff']>;
	readonly worker: ReturnType<Simulation['asWorker']>;
	readonly assigneeId: StaffId;
};
