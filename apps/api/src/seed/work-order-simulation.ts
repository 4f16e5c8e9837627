import type { Actor, Position } from '@estate-ops/domain/estate';
import type {
	BuildingId,
	EstateId,
	ResidentId,
	RoomId,
	StaffId,
	WorkOrderId,
} from '@estate-ops/domain/shared';
import {
	addDays,
	HOUR_MS,
	localDateOf,
	localMinuteOfDay,
	MINUTE_MS,
	zonedInstant,
} from '@estate-ops/domain/shared';
import type { SlaClock, SlaRules, WorkingCalendar } from '@estate-ops/domain/sla';
import { addWorkingMinutes, workingMinutesBetween } from '@estate-ops/domain/sla';
import type {
	ContactMethod,
	PauseCause,
	RequestCode,
	WorkOrder,
	WorkOrderCategory,
	WorkOrderChannel,
	WorkOrderCommand,
	WorkOrderEvent,
	WorkOrderLocation,
} from '@estate-ops/domain/work-orders';
import { decide, generateRequestCode, requiredSkill, workOrderSla } from '@estate-ops/domain/work-orders';
import type { Dice, Weighted } from './random';
import type { SeededHousehold } from './residents';
import type { SeededBuilding, SeededRoom } from './site-plan';
import type { SeededStaff } from './staff';
import type { RequestTemplate } from './work-order-phrases';
import {
	CANCEL_REASONS,
	GENERIC_RESULTS,
	MATERIALS,
	NEGATIVE_COMMENTS,
	NOTES,
	PAUSE_REASONS,
	POSITIVE_COMMENTS,
	REASSIGN_REASONS,
	REQUEST_TEMPLATES,
	RESULTS,
	URGENCY_UPGRADE_REASONS,
} from './work-order-phrases';

/** Orders filed over the three months before `now`, besides the hand-made live ones. */
export const HISTORY_ORDERS = 1_180;
export const HISTORY_DAYS = 90;

export type SimulationContext = {
	readonly dice: Dice;
	readonly estateId: string;
	readonly now: Date;
	readonly timeZone: string;
	readonly rules: SlaRules;
	readonly calendar: WorkingCalendar;
	readonly towers: readonly SeededBuilding[];
	readonly clubhouse: SeededBuilding;
	readonly rooms: readonly SeededRoom[];
	readonly households: readonly SeededHousehold[];
	readonly staff: readonly SeededStaff[];
	/** Named places of the site plan (gates, garden, playground, garage ramps) for requests about them. */
	readonly places: ReadonlyMap<string, Position>;
};

/** One simulated order: its events (the history) and the order they fold into. */
export type SimulatedOrder = { readonly state: WorkOrder; readonly events: readonly WorkOrderEvent[] };

/** Which clock an order is planned to miss, if any: how the demo gets its share of late orders. */
type Breach = SlaClock | null;

type Plan = {
	readonly template: RequestTemplate;
	readonly description: string;
	readonly location: WorkOrderLocation;
	readonly residentId: string | null;
	readonly channel: WorkOrderChannel;
	readonly breach: Breach;
	readonly cancel: 'before_accept' | 'after_accept' | null;
	readonly pause: PauseCause | null;
	readonly reassign: boolean;
	readonly note: boolean;
	readonly upgrade: boolean;
	readonly reopenLater: boolean;
	readonly noAnswerFirst: boolean;
};

/** The order being driven through `decide`, stopping at the first step that would happen after `now`. */
type Run = {
	state: WorkOrder | null;
	readonly events: WorkOrderEvent[];
	last: Date;
	stopped: boolean;
};

const FIELD: ReadonlySet<string> = new Set(['technician', 'guard', 'cleaner']);

export function createSimulation(ctx: SimulationContext) {
	const { dice, now, timeZone, calendar, rules } = ctx;
	const codes = new Set<string>();
	const byRole = (role: string) => ctx.staff.filter((member) => member.roles.some((r) => r === role));
	const agents = byRole('customer_service');
	const controlRoom = byRole('control_room');
	const dispatchers = byRole('dispatcher');
	const reporters = [...byRole('guard'), ...byRole('cleaner')];
	const guards = byRole('guard');
	const supervisors = byRole('supervisor');
	const towerById = new Map(ctx.towers.map((tower) => [tower.id, tower]));
	const roomById = new Map(ctx.rooms.map((room) => [room.id, room]));
	const staffById = new Map(ctx.staff.map((member) => [member.id, member]));

	// ---- time ---------------------------------------------------------------------------------------------

	const minutes = (at: Date, count: number): Date => new Date(at.getTime() + Math.round(count * 60) * 1000);
	const latest = (...dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));

	/** Moved into the hours people are at home and staff on their rounds (08:30–20:30), if it is not already. */
	function daytime(at: Date): Date {
		const minute = localMinuteOfDay(at, timeZone);
		if (minute >= 510 && minute < 1230) return at;
		const date = localDateOf(at, timeZone);
		const morning = minute < 510 ? date : addDays(date, 1);
		return minutes(zonedInstant(morning, '08:30', timeZone), dice.int(0, 100) + dice.next());
	}

	const isDaytime = (at: Date): boolean => {
		const minute = localMinuteOfDay(at, timeZone);
		return minute >= 480 && minute < 1200;
	};

	/** How much of a clock's allowance a step uses: mostly well inside, sometimes close, past it when planned. */
	function fraction(plan: Plan, clock: SlaClock): number {
		if (plan.breach === clock) return dice.float(1.12, 1.9);
		return dice.chance(0.82) ? dice.float(0.06, 0.55) : dice.float(0.55, 0.93);
	}

	/** The instant at which `share` of the clock's allowance is used, counted as the clock counts it. */
	function clockPoint(run: Run, clock: SlaClock, share: number): Date | null {
		const state = requireState(run);
		const status = workOrderSla(state, rules, calendar, run.last).clocks.find((c) => c.clock === clock);
		if (!status || status.startedAt === null) return null;
		const { startedAt, dueAt } = status;
		if (status.target.measure === 'clock') {
			return minutes(startedAt, (share * (dueAt.getTime() - startedAt.getTime())) / MINUTE_MS);
		}
		return addWorkingMinutes(calendar, startedAt, share * workingMinutesBetween(calendar, startedAt, dueAt));
	}

	// ---- people -------------------------------------------------------------------------------------------

	const asStaff = (member: SeededStaff): Actor => ({ kind: 'staff', staffId: member.id as StaffId });
	const asWorker = (member: SeededStaff): Actor =>
		member.roles.some((role) => FIELD.has(role))
			? { kind: 'field', deviceId: `phone-${member.username}`, staffId: member.id as StaffId }
			: asStaff(member);
	const kioskOf = (plan: Plan): Actor => {
		const buildingId = plan.location.buildingId;
		const tower = buildingId === null ? undefined : towerById.get(buildingId);
		return { kind: 'kiosk', deviceId: tower ? `lobby-${tower.number}` : 'lobby-clubhouse' };
	};
	const residentActor = (plan: Plan): Actor | null =>
		plan.residentId === null ? null : { kind: 'resident', residentId: plan.residentId as ResidentId };

	/** Customer service by day; the control room, staffed around the clock, takes calls at night. */
	const onDuty = (at: Date): SeededStaff => dice.pick(isDaytime(at) ? agents : controlRoom);
	const dispatcherAt = (at: Date): SeededStaff =>
		isDaytime(at) && dispatchers.length > 0 && dice.chance(0.7) ? dice.pick(dispatchers) : onDuty(at);

	const withSkill = (skill: string) => ctx.staff.filter((member) => member.skills.some((s) => s === skill));

	/** Who does the work: by trade and area for repairs, guards for neighbour disputes, agents for the rest. */
	function assigneeFor(plan: Plan, except: string | null = null): SeededStaff {
		const skill = requiredSkill(plan.template.category);
		let pool: readonly SeededStaff[];
		if (skill !== null && plan.template.kind !== 'inquiry' && plan.template.kind !== 'suggestion') {
			const skilled = withSkill(skill);
			const buildingId = plan.location.buildingId;
			const local = skilled.filter(
				(member) =>
					member.buildingIds.length === 0 || (buildingId !== null && member.buildingIds.includes(buildingId)),
			);
			pool = local.length > 0 ? local : skilled;
		} else if (
			['noise', 'pets', 'renovation', 'parking', 'security'].includes(plan.template.category) &&
			plan.template.kind === 'complaint'
		) {
			pool = guards;
		} else if (plan.template.kind === 'complaint' && plan.template.category === 'service') {
			pool = supervisors;
		} else {
			pool = agents;
		}
		const choices = pool.filter((member) => member.id !== except);
		return dice.pick(choices.length > 0 ? choices : pool);
	}

	// ---- driving decide -------------------------------------------------------------------------------------

	function requireState(run: Run): WorkOrder {
		if (run.state === null) throw new Error('the order has not been submitted');
		return run.state;
	}

	/** Runs one command at `at` (never before the previous step); false once the run has reached `now`. */
	function step(run: Run, command: WorkOrderCommand, actor: Actor, at: Date): boolean {
		if (run.stopped) return false;
		const when = latest(at, new Date(run.last.getTime() + 20_000));
		if (when.getTime() > now.getTime()) {
			run.stopped = true;
			return false;
		}
		const decided = decide(run.state, command, { now: when, actor });
		if (!decided.ok) {
			throw new Error(
				`seed: ${command.type} rejected (${decided.error.code}) on ${run.state?.status ?? 'new'} order`,
			);
		}
		run.state = decided.value.state;
		run.events.push(...decided.value.events);
		run.last = when;
		return true;
	}

	function nextCode(): RequestCode {
		for (;;) {
			const code = generateRequestCode((length) => dice.bytes(length));
			if (!codes.has(code)) {
				codes.add(code);
				return code;
			}
		}
	}

	// ---- planning -------------------------------------------------------------------------------------------

	const CHANNELS: Readonly<Record<string, Weighted<WorkOrderChannel>>> = {
		room: [
			['kiosk', 20],
			['phone', 25],
			['wechat', 25],
			['app', 12],
			['front_desk', 10],
			['walk_in', 8],
		],
		public: [
			['field', 35],
			['phone', 25],
			['wechat', 20],
			['kiosk', 10],
			['app', 10],
		],
		complaint: [
			['phone', 35],
			['wechat', 25],
			['kiosk', 15],
			['front_desk', 10],
			['walk_in', 10],
			['app', 5],
		],
		inquiry: [
			['phone', 40],
			['front_desk', 25],
			['walk_in', 15],
			['wechat', 20],
		],
		suggestion: [
			['wechat', 40],
			['kiosk', 30],
			['app', 30],
		],
		booking: [
			['wechat', 40],
			['app', 25],
			['phone', 20],
			['kiosk', 15],
		],
	};
	const NEEDS_RESIDENT: ReadonlySet<WorkOrderChannel> = new Set(['wechat', 'app']);

	const PLACES_BY_WORD: readonly (readonly [string, string])[] = [
		['儿童游乐区', '儿童游乐区'],
		['北大门', '北大门'],
		['会所', '会所'],
		['中心花园', '中心花园'],
		['地库', '地库入口（西）'],
		['小区', '南门'],
	];

	function currentResident(household: SeededHousehold): string | null {
		const present = household.residents.filter((r) => r.current);
		const adults = present.filter((r) => r.relation !== 'family');
		return dice.pick(adults.length > 0 ? adults : present.length > 0 ? present : household.residents).id;
	}

	function locate(
		template: RequestTemplate,
		text: string,
	): { description: string; location: WorkOrderLocation; household: SeededHousehold | null } {
		const household = dice.chance(0.85) ? dice.pick(ctx.households) : null;
		if (template.where === 'room') {
			const room = household?.room ?? dice.pick(ctx.rooms);
			const tower = towerById.get(room.buildingId);
			return {
				description: text.replace('{楼}', tower?.name ?? ''),
				location: { kind: 'room', roomId: room.id as RoomId, buildingId: room.buildingId as BuildingId },
				household,
			};
		}
		if (text.includes('{楼}')) {
			const tower = dice.pick(ctx.towers);
			const position: Position = [
				Math.round((tower.centre[0] + dice.float(-0.0001, 0.0001)) * 1e7) / 1e7,
				Math.round((tower.centre[1] - dice.float(0.00009, 0.00013)) * 1e7) / 1e7,
			];
			return {
				description: text.replace('{楼}', tower.name),
				location: {
					kind: 'point',
					position,
					description: `${tower.name}附近`,
					buildingId: tower.id as BuildingId,
					zoneId: null,
				},
				household,
			};
		}
		const [, placeName] = PLACES_BY_WORD.find(([word]) => text.includes(word)) ?? ['', '中心花园'];
		const position = ctx.places.get(placeName) ?? ctx.clubhouse.centre;
		const buildingId = placeName === '会所' ? (ctx.clubhouse.id as BuildingId) : null;
		return {
			description: text,
			location: { kind: 'point', position, description: placeName, buildingId, zoneId: null },
			household,
		};
	}

	/** A random request in the demo's mix, or the one asked for (`text` is the start of one of the template's texts). */
	function plan(wanted?: {
		readonly category: WorkOrderCategory;
		readonly text: string;
		readonly channel?: WorkOrderChannel;
	}): Plan {
		const template = wanted
			? REQUEST_TEMPLATES.find(
					(t) => t.category === wanted.category && t.texts.some(([text]) => text.startsWith(wanted.text)),
				)
			: dice.weighted(REQUEST_TEMPLATES.map((t) => [t, t.weight] as const));
		if (!template) throw new Error(`no request template for ${wanted?.category ?? '?'}`);
		const text = wanted
			? (template.texts.find(([t]) => t.startsWith(wanted.text))?.[0] ?? wanted.text)
			: dice.weighted(template.texts);
		const { description, location, household } = locate(template, text);
		const residentId = household === null ? null : currentResident(household);
		const channels = template.kind === 'repair' ? CHANNELS[template.where] : CHANNELS[template.kind];
		let channel = wanted?.channel ?? dice.weighted(channels ?? [['phone', 1]]);
		if (NEEDS_RESIDENT.has(channel) && residentId === null) channel = 'phone';
		const hasSiteVisit = template.kind !== 'inquiry' && template.kind !== 'suggestion';
		const breachable: SlaClock[] = ['accept', 'dispatch', 'contact', 'resolve', 'feedback'];
		if (channel === 'phone') breachable.push('phone_entry');
		if (hasSiteVisit) breachable.push('on_site');
		return {
			template,
			description,
			location,
			residentId,
			channel,
			breach: dice.chance(0.045) ? dice.pick(breachable) : null,
			cancel: dice.chance(0.03) ? (dice.chance(0.6) ? 'before_accept' : 'after_accept') : null,
			pause:
				hasSiteVisit && template.kind !== 'complaint' && dice.chance(0.07)
					? dice.chance(0.6)
						? 'waiting_for_parts'
						: 'waiting_for_resident'
					: null,
			reassign: template.kind === 'repair' && dice.chance(0.03),
			note: dice.chance(0.04),
			upgrade: template.kind === 'repair' && dice.chance(0.02),
			reopenLater: dice.chance(0.01),
			noAnswerFirst: dice.chance(0.08),
		};
	}

	// ---- the lifecycle --------------------------------------------------------------------------------------

	function submitCommand(plan: Plan, at: Date): WorkOrderCommand {
		const { location } = plan;
		const room = location.kind === 'room' ? roomById.get(location.roomId) : undefined;
		const booking = plan.template.kind === 'booking';
		const from = booking
			? daytime(
					zonedInstant(
						addDays(localDateOf(at, timeZone), dice.int(1, 3)),
						dice.pick(['09:00', '10:00', '14:00', '15:00']),
						timeZone,
					),
				)
			: null;
		return {
			type: 'submit',
			id: dice.uuid() as WorkOrderId,
			estateId: ctx.estateId as EstateId,
			code: nextCode(),
			kind: plan.template.kind,
			category: plan.template.category,
			channel: plan.channel,
			description: plan.description,
			location: plan.location,
			residentId: plan.residentId as ResidentId | null,
			// Contact details stay on the resident's record (encrypted), not copied in clear into the order.
			contact: null,
			desiredWindow: from === null ? null : { from, to: new Date(from.getTime() + 3 * HOUR_MS) },
			areaM2: plan.template.category === 'cleaning_deep' ? (room?.areaM2 ?? 120) : null,
			reportedAt:
				plan.channel === 'phone'
					? minutes(at, -(plan.breach === 'phone_entry' ? dice.float(11, 25) : dice.float(1.5, 8)))
					: null,
			attachments: [],
		};
	}

	function submitter(plan: Plan, at: Date): Actor {
		switch (plan.channel) {
			case 'kiosk':
				return kioskOf(plan);
			case 'wechat':
			case 'app':
				return residentActor(plan) ?? asStaff(onDuty(at));
			case 'field':
				return asWorker(dice.pick(reporters));
			case 'phone':
			case 'front_desk':
			case 'walk_in':
			case 'console':
				return asStaff(onDuty(at));
		}
	}

	/** Files the request and walks it as far as `now` allows. */
	function simulate(p: Plan, submittedAt: Date): SimulatedOrder | null {
		const run: Run = { state: null, events: [], last: submittedAt, stopped: false };
		const submitted = submitCommand(p, submittedAt);
		if (!step(run, submitted, submitter(p, submittedAt), submittedAt)) return null;
		drive(p, run);
		return { state: requireState(run), events: run.events };
	}

	function drive(p: Plan, run: Run): void {
		const filedBy = staffById.get(requireState(run).responsibleStaffId ?? '');

		if (p.cancel === 'before_accept') {
			const at = minutes(run.last, dice.float(3, 25));
			// The resident changes their mind; staff cancelling for them say why.
			const resident = residentActor(p) ?? (p.channel === 'kiosk' ? kioskOf(p) : null);
			if (resident) {
				step(
					run,
					{ type: 'cancel', reason: dice.chance(0.5) ? dice.pick(CANCEL_REASONS) : null },
					resident,
					at,
				);
			} else {
				step(run, { type: 'cancel', reason: dice.pick(CANCEL_REASONS) }, asStaff(filedBy ?? onDuty(at)), at);
			}
			return;
		}

		const acceptAt = latest(
			clockPoint(run, 'accept', fraction(p, 'accept')) ?? run.last,
			minutes(run.last, 0.5),
		);
		const acceptor = filedBy ?? onDuty(acceptAt);
		if (!step(run, { type: 'accept' }, asStaff(acceptor), acceptAt)) return;
		// First-contact responsibility: whoever took the request first follows it up to the end.
		const agent = staffById.get(requireState(run).responsibleStaffId ?? '') ?? acceptor;
		if (p.note)
			step(
				run,
				{
					type: 'addAttachment',
					attachment: {
						id: `note-${dice.int(1000, 9999)}`,
						content: { kind: 'note', text: dice.pick(NOTES) },
					},
				},
				asStaff(acceptor),
				minutes(run.last, dice.float(0.5, 3)),
			);
		if (p.upgrade && requireState(run).urgency === 'general') {
			step(
				run,
				{ type: 'overrideUrgency', urgency: 'important', reason: dice.pick(URGENCY_UPGRADE_REASONS) },
				asStaff(acceptor),
				minutes(run.last, dice.float(0.5, 4)),
			);
		}
		if (p.cancel === 'after_accept') {
			step(
				run,
				{ type: 'cancel', reason: dice.pick(CANCEL_REASONS) },
				asStaff(acceptor),
				minutes(run.last, dice.float(10, 120)),
			);
			return;
		}

		const urgentNow = requireState(run).urgency === 'urgent';
		const assignAt = latest(
			clockPoint(run, 'dispatch', fraction(p, 'dispatch')) ?? run.last,
			minutes(run.last, urgentNow ? dice.float(0.3, 1.2) : dice.float(0.5, 3)),
		);
		let assignee = assigneeFor(p);
		if (
			!step(
				run,
				{ type: 'assign', assigneeId: assignee.id as StaffId },
				asStaff(dispatcherAt(assignAt)),
				assignAt,
			)
		)
			return;
		if (p.reassign) {
			const other = assigneeFor(p, assignee.id);
			if (other.id !== assignee.id) {
				const at = minutes(run.last, dice.float(3, 20));
				if (
					!step(
						run,
						{ type: 'reassign', assigneeId: other.id as StaffId, reason: dice.pick(REASSIGN_REASONS) },
						asStaff(dispatcherAt(at)),
						at,
					)
				)
					return;
				assignee = other;
			}
		}

		for (let pass = 1; pass <= 2; pass++) {
			const outcome = visit(p, run, assignee, agent, pass);
			if (outcome !== 'reopened') return;
		}
	}

	/** From assigned to closed (or to a reopen): contact, arrive, work, follow-up. */
	function visit(
		p: Plan,
		run: Run,
		assignee: SeededStaff,
		agent: SeededStaff,
		pass: number,
	): 'done' | 'reopened' | 'stopped' {
		const worker = asWorker(assignee);
		const urgent = requireState(run).urgency === 'urgent';
		const contactShare = urgent ? dice.float(0.02, 0.1) : fraction(p, 'contact');
		const contactAt = latest(
			clockPoint(run, 'contact', pass === 1 ? contactShare : dice.float(0.05, 0.5)) ?? run.last,
			minutes(run.last, 0.5),
		);
		const method: ContactMethod = p.template.kind === 'booking' || dice.chance(0.85) ? 'phone' : 'message';
		if (p.noAnswerFirst && pass === 1) {
			if (
				!step(
					run,
					{ type: 'recordContact', method: 'phone', outcome: 'no_answer', note: '电话未接通，稍后再联系' },
					worker,
					contactAt,
				)
			)
				return 'stopped';
		}
		const reachedAt = p.noAnswerFirst && pass === 1 ? minutes(run.last, dice.float(10, 45)) : contactAt;
		if (!step(run, { type: 'recordContact', method, outcome: 'reached', note: null }, worker, reachedAt))
			return 'stopped';

		if (p.pause === 'waiting_for_resident' && pass === 1) {
			if (!pauseAndResume(run, 'waiting_for_resident', worker, dice.float(20, 96))) return 'stopped';
		}

		const kind = p.template.kind;
		let arriveAt: Date;
		if (kind === 'inquiry' || kind === 'suggestion') {
			arriveAt = minutes(run.last, dice.float(5, 90));
		} else {
			const siteShare =
				pass > 1
					? dice.float(0.1, 0.5)
					: urgent && p.breach !== 'on_site'
						? dice.float(0.35, 0.85)
						: fraction(p, 'on_site');
			const onSite = clockPoint(run, 'on_site', siteShare);
			const desired = requireState(run).desiredWindow?.from;
			arriveAt =
				onSite ??
				// General work is done when the resident is at home: often the same day, often a day or two later.
				daytime(
					desired !== undefined && desired > run.last
						? minutes(desired, dice.float(-10, 20))
						: minutes(run.last, dice.chance(0.5) ? dice.float(20, 240) : dice.float(16 * 60, 44 * 60)),
				);
		}
		if (!step(run, { type: 'arrive' }, worker, latest(arriveAt, minutes(run.last, urgent ? 1 : 3))))
			return 'stopped';

		if (p.pause === 'waiting_for_parts' && pass === 1) {
			if (!pauseAndResume(run, 'waiting_for_parts', worker, dice.float(10, 70))) return 'stopped';
		}

		const workMinutes =
			kind === 'inquiry' || kind === 'suggestion' ? dice.float(5, 30) : dice.float(20, urgent ? 90 : 150);
		let resolveAt = minutes(run.last, workMinutes + dice.float(2, 8));
		if (p.breach === 'resolve' && pass === 1) {
			const late = clockPoint(run, 'resolve', dice.float(1.05, 1.4));
			if (late !== null)
				resolveAt = latest(resolveAt, requireState(run).urgency === 'general' ? daytime(late) : late);
		}
		const startedAt = minutes(run.last, dice.float(1, 6));
		const endedAt = latest(startedAt, minutes(resolveAt, -dice.float(0, 4)));
		const category = p.template.category;
		const materials = MATERIALS[category] ?? [];
		const resolved = step(
			run,
			{
				type: 'resolve',
				startedAt,
				endedAt,
				materials:
					materials.length > 0 && dice.chance(0.6)
						? dice.sample(materials, dice.int(1, Math.min(2, materials.length)))
						: [],
				result: dice.pick(RESULTS[category] ?? GENERIC_RESULTS),
				residentSignedOff: p.location.kind === 'room' && dice.chance(0.9),
			},
			worker,
			latest(resolveAt, endedAt),
		);
		if (!resolved) return 'stopped';

		const feedbackShare =
			p.breach === 'feedback' && pass === 1 ? dice.float(1.05, 1.6) : dice.float(0.02, 0.65);
		let feedbackAt = clockPoint(run, 'feedback', feedbackShare) ?? minutes(run.last, 60);
		if (p.breach !== 'feedback') feedbackAt = daytime(feedbackAt);
		const ratings = rate(p, pass);
		const satisfied = pass > 1 || Math.min(ratings.result, ratings.attitude) >= 3;
		const resident = residentActor(p);
		const channel =
			resident === null
				? 'phone'
				: dice.weighted([
						['phone', 70],
						['kiosk', 15],
						['app', 15],
					] as const);
		const feedbackActor: Actor =
			channel === 'phone'
				? asStaff(isDaytime(feedbackAt) ? agent : onDuty(feedbackAt))
				: channel === 'kiosk'
					? kioskOf(p)
					: (resident ?? asStaff(agent));
		const fedBack = step(
			run,
			{
				type: 'recordFeedback',
				method: channel,
				ratings,
				comment: satisfied ? dice.pick(POSITIVE_COMMENTS) : dice.pick(NEGATIVE_COMMENTS),
				satisfied,
			},
			feedbackActor,
			feedbackAt,
		);
		if (!fedBack) return 'stopped';
		// A dissatisfied resident sends it back: `decide` reopened it with the feedback.
		if (!satisfied) return 'reopened';

		if (!step(run, { type: 'close' }, asStaff(agent), daytime(minutes(run.last, dice.float(2, 60)))))
			return 'stopped';
		if (p.reopenLater && pass === 1) {
			const at = daytime(minutes(run.last, dice.float(1, 6) * 24 * 60));
			const actor = residentActor(p) ?? asStaff(agent);
			if (
				!step(
					run,
					{ type: 'reopen', reason: '同样的问题又出现了，请再次上门处理', assigneeId: null },
					actor,
					at,
				)
			)
				return 'stopped';
			return 'reopened';
		}
		return 'done';
	}

	function pauseAndResume(run: Run, cause: PauseCause, worker: Actor, hours: number): boolean {
		const paused = step(
			run,
			{ type: 'pause', cause, reason: dice.pick(PAUSE_REASONS[cause]) },
			worker,
			minutes(run.last, dice.float(2, 25)),
		);
		return paused && step(run, { type: 'resume' }, worker, daytime(minutes(run.last, hours * 60)));
	}

	function rate(p: Plan, pass: number): { speed: number; result: number; attitude: number } {
		const base = dice.weighted(
			pass > 1 ? RATINGS_AFTER_REWORK : p.breach !== null ? RATINGS_WHEN_LATE : RATINGS,
		);
		const jitter = (value: number): number => Math.max(1, Math.min(5, value + dice.weighted(RATING_JITTER)));
		// A late order is marked down on speed first.
		const speed = p.breach !== null ? Math.max(1, Math.min(jitter(base), jitter(base) - 1)) : jitter(base);
		return { speed, result: base, attitude: jitter(base) };
	}

	/** Files `p` at `at` and hands back the run, for orders whose steps are written out by hand. */
	function start(p: Plan, at: Date): Run {
		const run: Run = { state: null, events: [], last: at, stopped: false };
		if (!step(run, submitCommand(p, at), submitter(p, at), at))
			throw new Error('a live order must be filed before now');
		return run;
	}

	const finish = (run: Run): SimulatedOrder => ({ state: requireState(run), events: run.events });

	return { plan, simulate, start, step, finish, assigneeFor, asStaff, asWorker, onDuty, dispatcherAt };
}

export type Simulation = ReturnType<typeof createSimulation>;
export type { Plan as OrderPlan, Run as OrderRun };

// Satisfaction (1–5): mostly 4 and 5, lower when the work was late, never below 3 once redone.
const RATINGS: Weighted<number> = [
	[5, 64],
	[4, 27],
	[3, 6.5],
	[2, 1.6],
	[1, 0.7],
];
const RATINGS_WHEN_LATE: Weighted<number> = [
	[5, 30],
	[4, 40],
	[3, 20],
	[2, 7],
	[1, 3],
];
const RATINGS_AFTER_REWORK: Weighted<number> = [
	[5, 40],
	[4, 45],
	[3, 15],
];
const RATING_JITTER: Weighted<number> = [
	[0, 6],
	[-1, 2],
	[1, 1],
];

/** How busy each hour of the day is, for when requests come in. */
export const HOURLY_WEIGHTS: Weighted<number> = [
	[0, 0.3],
	[1, 0.2],
	[2, 0.15],
	[3, 0.1],
	[4, 0.1],
	[5, 0.2],
	[6, 0.5],
	[7, 1],
	[8, 1.5],
	[9, 1.8],
	[10, 1.7],
	[11, 1.5],
	[12, 1.1],
	[13, 1.3],
	[14, 1.4],
	[15, 1.4],
	[16, 1.3],
	[17, 1.4],
	[18, 1.6],
	[19, 1.8],
	[20, 1.6],
	[21, 1.2],
	[22, 0.8],
	[23, 0.5],
];
