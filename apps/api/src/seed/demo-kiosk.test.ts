import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '#test/database';
import type { DatabaseHandle } from '../db/database';
import { listAudit } from '../db/repositories/audit.repository';
import { createEstate } from '../http/auth/auth.fixtures';
import { createAuthService } from '../services/auth.service';
import {
	DEMO_KIOSK_NAME,
	DEMO_KIOSK_PAIRING_FILE,
	pairDemoKiosk,
	readDemoKioskPairing,
	writeDemoKioskPairing,
} from './demo-kiosk';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe('the demo kiosk', () => {
	it('is a kiosk device of the estate whose pairing link carries a token that signs it in', async () => {
		const estateId = await createEstate(handle.db, 'DEMOKIOSK');
		const now = new Date('2026-03-02T01:00:00.000Z');
		const paired = await pairDemoKiosk(handle.db, { estateId, now });
		expect(paired.link).toMatch(/^\/kiosk\/#pair=[a-z2-7]{52}$/);
		const token = paired.link.slice('/kiosk/#pair='.length);
		const auth = createAuthService({ db: handle.db, now: () => now });
		expect(await auth.validateDeviceToken(token)).toEqual({
			kind: 'device',
			deviceId: paired.deviceId,
			estateId,
			deviceKind: 'kiosk',
			staffId: null,
		});
		const devices = await auth.listDevices(estateId);
		expect(devices).toEqual([
			expect.objectContaining({ id: paired.deviceId, kind: 'kiosk', name: DEMO_KIOSK_NAME }),
		]);
		const [audit] = await listAudit(handle.db, { estateId, action: 'device.issued' });
		expect(audit).toMatchObject({ actor: { type: 'system', id: 'demo-seed' }, subjectId: paired.deviceId });
	});

	it('keeps the link in DATA_DIR readable by its owner only, and reads it back', () => {
		const dataDir = join(mkdtempSync(join(tmpdir(), 'estate-ops-kiosk-')), 'nested');
		expect(readDemoKioskPairing(dataDir)).toBeNull();
		const link = `/kiosk/#pair=${'a'.repeat(52)}`;
		writeDemoKioskPairing(dataDir, link);
		const path = join(dataDir, DEMO_KIOSK_PAIRING_FILE);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readDemoKioskPairing(dataDir)).toBe(link);

		// A file left with looser rights by an earlier run is tightened when rewritten.
		writeFileSync(path, 'x', { mode: 0o644 });
		writeDemoKioskPairing(dataDir, link);
		expect(statSync(path).mode & 0o777).toBe(0o600);
	});

	it('ignores a pairing file that holds something else', () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'estate-ops-kiosk-'));
		writeFileSync(join(dataDir, DEMO_KIOSK_PAIRING_FILE), 'https://evil.example/#pair=abc\n');
		expect(readDemoKioskPairing(dataDir)).toBeNull();
	});
});
