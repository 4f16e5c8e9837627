import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Dice } from '../seed/random';
import { staffIdOfLogin, type ApiClient } from './api-client';

/**
 * Who the simulator moves about: guards, cleaners and technicians of the demo estate, each with a field phone
 * (a device principal issued to them by the administrator, `POST /api/v1/devices`), because only the demo
 * logins know their passwords. The demo's own field logins (guard, cleaner, tech …) are left alone, so that
 * a person trying the field view as one of them sees only what they do themselves. The phones' tokens are
 * kept in DATA_DIR (like the demo kiosk's pairing link), so that a restart does not issue new ones.
 */

export type FieldRole = 'guard' | 'cleaner' | 'technician';

export type CastMember = {
	readonly staffId: string;
	readonly name: string;
	readonly role: FieldRole;
	readonly token: string;
};

export const SimulatorState = z.object({
	estateId: z.string(),
	/** The accounts of the demo's field logins, left alone. */
	demoLoginStaffIds: z.array(z.string()),
	phones: z.array(z.object({ staffId: z.string(), deviceId: z.string(), token: z.string().min(16) })),
});
export type SimulatorState = z.infer<typeof SimulatorState>;

/** Where the simulator keeps its phones between starts. */
export type StateStore = {
	load(): SimulatorState | null;
	save(state: SimulatorState): void;
};

/** The file in DATA_DIR holding the simulated phones' tokens (mode 0600: they are credentials). */
export const SIMULATOR_STATE_FILE = 'simulator-phones.json';

export function fileStateStore(dataDir: string): StateStore {
	const path = join(dataDir, SIMULATOR_STATE_FILE);
	return {
		load() {
			if (!existsSync(path)) return null;
			try {
				const parsed = SimulatorState.safeParse(JSON.parse(readFileSync(path, 'utf8')));
				return parsed.success ? parsed.data : null;
			} catch {
				// A damaged file is as good as none: new phones are issued.
				return null;
			}
		},
		save(state) {
			mkdirSync(dataDir, { recursive: true });
			writeFileSync(path, `${JSON.stringify(state, null, '\t')}\n`, { mode: 0o600 });
			chmodSync(path, 0o600);
		},
	};
}

export function memoryStateStore(): StateStore {
	let kept: SimulatorState | null = null;
	return {
		load: () => kept,
		save: (state) => {
			kept = state;
		},
	};
}

/** The demo's field logins (see seed/staff.ts): people trying the field view sign in as these. */
export const FIELD_DEMO_LOGINS = ['guard', 'guard2', 'cleaner', 'cleaner2', 'tech', 'tech2'] as const;

type DirectoryEntry = { id: string; name: string; roles: string[]; active: boolean };
type DeviceEntry = { id: string; kind: string; staffId: string | null; revokedAt: string | null };

/**
 * Picks up to `counts` people of each field role and gives each a field phone: the ones issued at an earlier
 * start while they still work, new ones for the rest.
 */
export async function castFieldStaff(input: {
	readonly admin: ApiClient;
	readonly origin: string;
	readonly password: string;
	readonly store: StateStore;
	readonly dice: Dice;
	readonly counts: Readonly<Record<FieldRole, number>>;
	readonly fetchFn?: typeof fetch;
}): Promise<CastMember[]> {
	const { admin } = input;
	const me = await admin.get<{ estate: { id: string } }>('/api/v1/auth/me');
	const earlier = input.store.load();
	const state = earlier?.estateId === me.estate.id ? earlier : null;

	const demoLoginStaffIds =
		state?.demoLoginStaffIds ??
		(
			await Promise.all(
				FIELD_DEMO_LOGINS.map((username) =>
					staffIdOfLogin(input.origin, username, input.password, input.fetchFn),
				),
			)
		).filter((id): id is string => id !== null);
	const left = new Set(demoLoginStaffIds);

	const [{ staff }, { devices }] = await Promise.all([
		admin.get<{ staff: DirectoryEntry[] }>('/api/v1/estate/staff'),
		admin.get<{ devices: DeviceEntry[] }>('/api/v1/devices'),
	]);
	const working = new Set(devices.filter((device) => device.revokedAt === null).map((device) => device.id));
	const byId = new Map(staff.filter((member) => member.active).map((member) => [member.id, member]));

	const phones: SimulatorState['phones'] = [];
	const cast: CastMember[] = [];
	for (const role of ['guard', 'cleaner', 'technician'] as const) {
		const wanted = input.counts[role];
		const kept = (state?.phones ?? []).filter(
			(phone) => working.has(phone.deviceId) && byId.get(phone.staffId)?.roles.includes(role),
		);
		const chosen = kept.slice(0, wanted);
		const taken = new Set(chosen.map((phone) => phone.staffId));
		const candidates = input.dice.shuffle(
			staff.filter(
				(member) =>
					member.active && member.roles.includes(role) && !left.has(member.id) && !taken.has(member.id),
			),
		);
		for (const member of candidates.slice(0, Math.max(0, wanted - chosen.length))) {
			const issued = await admin.post<{ device: { id: string }; token: string }>('/api/v1/devices', {
				kind: 'field',
				name: `演示模拟 · ${member.name}的手机`,
				staffId: member.id,
			});
			chosen.push({ staffId: member.id, deviceId: issued.device.id, token: issued.token });
		}
		for (const phone of chosen) {
			phones.push(phone);
			cast.push({
				staffId: phone.staffId,
				name: byId.get(phone.staffId)?.name ?? '',
				role,
				token: phone.token,
			});
		}
	}
	input.store.save({ estateId: me.estate.id, demoLoginStaffIds, phones });
	return cast;
}
