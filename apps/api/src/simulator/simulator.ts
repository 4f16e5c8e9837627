import { createDice, mulberry32, type Dice } from '../seed/random';
import type { SimulatedActor } from './actor';
import { createApiClient, LoginRefusedError, type ApiClient } from './api-client';
import { shareZones, type CleaningZone } from './cleaning.plan';
import { createCleaner } from './cleaner.actor';
import { createDesk } from './desk.actor';
import { readEstatePicture, type EstatePicture } from './estate-picture';
import { castFieldStaff, type CastMember, type FieldRole, type StateStore } from './field-cast';
import { createFieldPhone } from './field-phone';
import { createGuard, type GuardDuty } from './guard.actor';
import { createPace } from './pace';
import { createResidents } from './resident.actor';
import type { Household, PublicPlace } from './resident-request.plan';
import { createTechnician } from './technician.actor';

/**
 * The living demo (`SIMULATE=true`): guards walking their rounds, cleaners working through their zones,
 * technicians taking their orders from call to resolution, the desk dispatching, residents filing at the
 * lobby kiosk. Everyone acts through the HTTP api of this very server, with the demo's logins, the demo
 * kiosk's token and field phones the administrator issues, so that all of it is validated, kept in history
 * and sent live to the console exactly as real devices' actions are. The clock and the dice are injected:
 * a test moves a fake clock and calls `tick()`.
 */

export type SimulatorLogger = {
	info(details: object, message: string): void;
	warn(details: object, message: string): void;
};

export type SimulatorOptions = {
	readonly now: () => Date;
	/** `SIMULATE_SPEED`: how lively the estate is; 1 is real time. */
	readonly speed: number;
	readonly seed?: number;
	/** The demo logins' password. */
	readonly password: string;
	/** The demo kiosk's device token; without it nobody files requests. */
	readonly kioskToken: string | null;
	readonly store: StateStore;
	readonly logger: SimulatorLogger;
	/** How many guards, cleaners and technicians are on duty. */
	readonly cast?: Partial<Readonly<Record<FieldRole, number>>>;
	/** Real milliseconds between ticks once started. */
	readonly tickMs?: number;
	readonly fetch?: typeof fetch;
};

export type Simulator = {
	/** Signs in, reads the estate, gives the field staff their phones and sets everyone at their place. */
	prepare(origin: string): Promise<void>;
	/** Moves everyone on to the clock's now. */
	tick(): Promise<void>;
	/** Prepares, then ticks every `tickMs` until stopped. */
	start(origin: string): void;
	/** Stops ticking, waits for the tick under way and signs the desk out. */
	stop(): Promise<void>;
};

export const SIMULATOR_SEED = 0x53_49_4d_55; // "SIMU"

/** On duty at once in the demo: enough to see the estate move, few enough to follow on the map. */
export const DEFAULT_CAST: Readonly<Record<FieldRole, number>> = { guard: 6, cleaner: 6, technician: 12 };

/** The demo logins the simulator works as: the administrator issues phones, a service agent runs the desk. */
const ADMIN_LOGIN = 'admin';
const DESK_LOGIN = 'service2';

const DEFAULT_TICK_MS = 2_000;
/** After a failed start (the server busy, the network), try again after this long. */
const RETRY_PREPARE_MS = 30_000;
/** One warning per actor per minute is enough to see what is wrong. */
const WARN_EVERY_MS = 60_000;

/** The address the simulator reaches its own server at: the loopback interface when it listens on all. */
export function ownOrigin(host: string, port: number): string {
	if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
	if (host === '::') return `http://[::1]:${port}`;
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function createSimulator(options: SimulatorOptions): Simulator {
	const seed = options.seed ?? SIMULATOR_SEED;
	const fetchFn = options.fetch ?? fetch;
	const counts = { ...DEFAULT_CAST, ...options.cast };
	// Each actor draws from its own dice, so that what one does never shifts another's draws.
	let diceDrawn = 0;
	const nextDice = (): Dice => createDice(mulberry32((seed + Math.imul(++diceDrawn, 0x9e3779b9)) >>> 0));

	let actors: SimulatedActor[] = [];
	let desk: ApiClient | null = null;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | null = null;
	let stopped = false;
	const warnedAt = new Map<string, number>();

	const warn = (label: string, error: unknown) => {
		const at = options.now().getTime();
		if (at - (warnedAt.get(label) ?? -Infinity) < WARN_EVERY_MS) return;
		warnedAt.set(label, at);
		options.logger.warn({ actor: label, err: error }, 'simulator: a step failed; it is tried again later');
	};

	async function prepare(origin: string): Promise<void> {
		const startMs = options.now().getTime();
		const admin = createApiClient(
			origin,
			{ kind: 'login', username: ADMIN_LOGIN, password: options.password },
			fetchFn,
		);
		const deskApi = createApiClient(
			origin,
			{ kind: 'login', username: DESK_LOGIN, password: options.password },
			fetchFn,
		);
		const kiosk =
			options.kioskToken === null
				? null
				: createApiClient(origin, { kind: 'bearer', token: options.kioskToken }, fetchFn);
		try {
			const picture = await readEstatePicture(admin);
			const cast = await castFieldStaff({
				admin,
				origin,
				password: options.password,
				store: options.store,
				dice: nextDice(),
				counts,
				fetchFn,
			});
			const { zones } = await admin.get<{ zones: CleaningZone[] }>('/api/v1/cleaning/today');
			const pace = (dice: Dice) => createPace(dice, options.speed);
			const phoneOf = (member: CastMember, dice: Dice) =>
				createFieldPhone({
					staffId: member.staffId,
					name: member.name,
					api: createApiClient(origin, { kind: 'bearer', token: member.token }, fetchFn),
					dice,
					startMs,
				});

			const guards = cast.filter((member) => member.role === 'guard');
			const cleaners = cast.filter((member) => member.role === 'cleaner');
			const technicians = cast.filter((member) => member.role === 'technician');
			const duties = guardDuties(picture, guards.length);
			const shares = shareZones(zones, cleaners.length);
			const people: SimulatedActor[] = [
				...guards.map((member, index) => {
					const dice = nextDice();
					return createGuard({
						phone: phoneOf(member, dice),
						duty: duties[index] ?? { kind: 'roam', waypoints: [picture.clubhouse] },
						picture,
						dice,
						pace: pace(dice),
						startMs,
					});
				}),
				...cleaners.map((member, index) => {
					const dice = nextDice();
					return createCleaner({
						phone: phoneOf(member, dice),
						zoneIds: shares[index] ?? [],
						picture,
						dice,
						pace: pace(dice),
						startMs,
					});
				}),
				...technicians.map((member) => {
					const dice = nextDice();
					return createTechnician({ phone: phoneOf(member, dice), picture, dice, pace: pace(dice), startMs });
				}),
			];

			const deskDice = nextDice();
			const theDesk = createDesk({
				api: deskApi,
				technicians: new Set(technicians.map((member) => member.staffId)),
				dice: deskDice,
				pace: pace(deskDice),
				startMs,
			});
			const desks: SimulatedActor[] = [theDesk];
			if (kiosk) {
				const { households, places } = await residentsAtTheKiosk(kiosk, deskApi);
				const residentDice = nextDice();
				desks.push(
					createResidents({
						kiosk,
						households,
						places,
						timeZone: picture.timeZone,
						dice: residentDice,
						pace: pace(residentDice),
						startMs,
						onFiled: (code) => theDesk.follow(code),
					}),
				);
			}
			actors = [...people, ...desks];
			desk = deskApi;
			options.logger.info(
				{
					guards: guards.length,
					cleaners: cleaners.length,
					technicians: technicians.length,
					residents: kiosk !== null,
					speed: options.speed,
				},
				'simulator: the demo estate is alive',
			);
		} finally {
			// The administrator's session was only for setting up.
			await admin.close().catch(() => undefined);
		}
	}

	async function tick(): Promise<void> {
		const nowMs = options.now().getTime();
		await Promise.all(
			actors.map((actor) => actor.tick(nowMs).catch((error: unknown) => warn(actor.label, error))),
		);
	}

	function schedule(ms: number, origin: string) {
		if (stopped) return;
		timer = setTimeout(() => {
			running = (actors.length === 0 ? prepare(origin) : tick()).then(
				() => schedule(options.tickMs ?? DEFAULT_TICK_MS, origin),
				(error: unknown) => {
					if (error instanceof LoginRefusedError) {
						options.logger.warn({ err: error }, 'simulator: not started, a demo login no longer signs in');
						return;
					}
					warn('simulator', error);
					schedule(RETRY_PREPARE_MS, origin);
				},
			);
		}, ms);
		// The simulator never keeps the process alive on its own.
		timer.unref();
	}

	return {
		prepare,
		tick,
		start(origin) {
			stopped = false;
			schedule(0, origin);
		},
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running?.catch(() => undefined);
			await desk?.close().catch(() => undefined);
		},
	};
}

/**
 * The guards' duties: one walks each patrol route, then one stands at each gate, and the rest walk about
 * the estate past the checkpoints.
 */
export function guardDuties(picture: EstatePicture, guards: number): GuardDuty[] {
	const waypoints = picture.routes.flatMap((route) =>
		route.checkpoints.map((checkpoint) => checkpoint.point),
	);
	const duties: GuardDuty[] = [
		...picture.routes.map((route): GuardDuty => ({ kind: 'route', route })),
		...picture.gates.map((at): GuardDuty => ({ kind: 'post', at })),
	].slice(0, guards);
	while (duties.length < guards)
		duties.push({ kind: 'roam', waypoints: waypoints.length > 0 ? waypoints : [picture.clubhouse] });
	return duties;
}

type ResidentView = {
	readonly phoneMasked: string;
	readonly movedOutOn: string | null;
	readonly room: { readonly id: string; readonly buildingId: string };
};

/**
 * The households that may file at the kiosk (people living there now, with the last four digits the kiosk asks
 * for: the desk's directory shows them unmasked) and the public places the kiosk offers.
 */
async function residentsAtTheKiosk(
	kiosk: ApiClient,
	desk: ApiClient,
): Promise<{ households: Household[]; places: PublicPlace[] }> {
	const [estate, first, second] = await Promise.all([
		kiosk.get<{ buildings: { id: string; name: string }[]; publicPlaces: PublicPlace[] }>(
			'/api/v1/kiosk/estate',
		),
		desk.get<{ items: ResidentView[] }>('/api/v1/residents?limit=200'),
		desk.get<{ items: ResidentView[] }>('/api/v1/residents?limit=200&offset=200'),
	]);
	const buildingName = new Map(estate.buildings.map((building) => [building.id, building.name]));
	const households = [...first.items, ...second.items].flatMap((resident): Household[] => {
		const phoneLast4 = /(\d{4})$/.exec(resident.phoneMasked)?.[1];
		const name = buildingName.get(resident.room.buildingId);
		return resident.movedOutOn === null && phoneLast4 && name
			? [{ roomId: resident.room.id, buildingName: name, phoneLast4 }]
			: [];
	});
	return {
		households,
		places: estate.publicPlaces.map((place) => ({ id: place.id, name: place.name, kind: place.kind })),
	};
}
