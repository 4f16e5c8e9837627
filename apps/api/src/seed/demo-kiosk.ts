import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateToken, hashToken } from '../auth/secret-token';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit.repository';
import { insertDevice } from '../db/repositories/device.repository';

/** Where the demo kiosk's pairing link is kept, inside DATA_DIR, readable by the api's user only. */
export const DEMO_KIOSK_PAIRING_FILE = 'demo-kiosk-pairing.txt';

export const DEMO_KIOSK_NAME = '会所大堂自助终端';

/** Bytes of entropy in the demo kiosk's bearer token: the same as a kiosk an administrator issues. */
const KIOSK_TOKEN_BYTES = 32;

/** The kiosk app reads its device token from this fragment, stores it and removes it from the address bar. */
export const pairingLink = (token: string): string => `/kiosk/#pair=${token}`;

const PAIRING_LINK = /^\/kiosk\/#pair=[a-z2-7]{16,128}$/;

/**
 * Issues the demo estate's lobby kiosk, as an administrator would through `POST /api/v1/devices`: a device row
 * holding only the token's hash, and its line in the audit log. Returns the relative pairing link that carries
 * the token; it is shown nowhere else.
 */
export async function pairDemoKiosk(
	db: Database,
	options: { readonly estateId: string; readonly now: Date },
): Promise<{ readonly deviceId: string; readonly link: string }> {
	const token = generateToken(KIOSK_TOKEN_BYTES);
	const device = await db.transaction(async (tx) => {
		const created = await insertDevice(tx, {
			estateId: options.estateId,
			kind: 'kiosk',
			name: DEMO_KIOSK_NAME,
			staffId: null,
			tokenHash: hashToken(token),
			createdAt: options.now,
		});
		await appendAudit(tx, {
			estateId: options.estateId,
			actor: { type: 'system', id: 'demo-seed' },
			action: 'device.issued',
			subjectType: 'device',
			subjectId: created.id,
			details: { kind: created.kind, name: created.name, staffId: null },
			at: options.now,
		});
		return created;
	});
	return { deviceId: device.id, link: pairingLink(token) };
}

/** Keeps the pairing link for later starts to print (mode 0600: it is a credential). */
export function writeDemoKioskPairing(dataDir: string, link: string): void {
	mkdirSync(dataDir, { recursive: true });
	const path = join(dataDir, DEMO_KIOSK_PAIRING_FILE);
	writeFileSync(path, `${link}\n`, { mode: 0o600 });
	// `mode` applies only when the file is created; a file left by an earlier demo gets it too.
	chmodSync(path, 0o600);
}

/** The pairing link a demo start wrote, or null when there is none (or the file holds something else). */
export function readDemoKioskPairing(dataDir: string): string | null {
	const path = join(dataDir, DEMO_KIOSK_PAIRING_FILE);
	if (!existsSync(path)) return null;
	const link = readFileSync(path, 'utf8').trim();
	return PAIRING_LINK.test(link) ? link : null;
}
