import { eq } from 'drizzle-orm';
import { createTestApi, type TestApi } from '#test/api-harness';
import { estates } from '../../db/schema/index';

/**
 * Test kit for positions, SOS and alerts: the whole api over a fresh database with a clock the test moves, a
 * short group-commit wait (so a report is answered within a few milliseconds), and an estate with a real
 * boundary: a rectangle in Pudong, about 750 m by 780 m.
 */
export const BOUNDARY = {
	type: 'Polygon',
	coordinates: [
		[
			[121.47, 31.228],
			[121.478, 31.228],
			[121.478, 31.235],
			[121.47, 31.235],
			[121.47, 31.228],
		],
	],
} as const;

export const INSIDE: [number, number] = [121.474, 31.231];
export const ACROSS_THE_ROAD: [number, number] = [121.4795, 31.231];

export type PositionsTestApi = TestApi & {
	readonly estateId: string;
	/** Issues a field phone to a staff member (by an admin) and returns its bearer token. */
	issueFieldPhone(staffId: string): Promise<string>;
	/** A fix `secondsAgo` before the test clock's now. */
	fix(
		secondsAgo: number,
		point?: readonly [number, number],
		extra?: Record<string, unknown>,
	): Record<string, unknown>;
	report(credentials: { session?: string; bearer?: string }, fixes: unknown[]): Promise<Response>;
};

export async function createPositionsTestApi(): Promise<PositionsTestApi> {
	const api = await createTestApi({ positionWriter: { flushMs: 5 } });
	const estateId = await api.createEstate('POS');
	await api.db.update(estates).set({ boundary: BOUNDARY }).where(eq(estates.id, estateId));
	const admin = await api.staffSession(estateId, ['admin']);
	return Object.assign(api, {
		estateId,
		async issueFieldPhone(staffId: string) {
			const res = await api.request('/api/v1/devices', {
				method: 'POST',
				session: admin.session,
				json: { kind: 'field', name: `phone of ${staffId}`, staffId },
			});
			if (res.status !== 201) throw new Error(`device not issued: ${res.status} ${await res.text()}`);
			return ((await res.json()) as { token: string }).token;
		},
		fix(secondsAgo: number, point: readonly [number, number] = INSIDE, extra: Record<string, unknown> = {}) {
			return {
				deviceTime: new Date(api.now().getTime() - secondsAgo * 1000).toISOString(),
				lng: point[0],
				lat: point[1],
				accuracyM: 6,
				...extra,
			};
		},
		async report(credentials: { session?: string; bearer?: string }, fixes: unknown[]) {
			return api.request('/api/v1/positions', { method: 'POST', ...credentials, json: { fixes } });
		},
	});
}

/** Great-circle distance in metres, written out here so that the test does not lean on the code it checks. */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
	const rad = (degrees: number) => (degrees * Math.PI) / 180;
	const dLat = rad(b[1] - a[1]);
	const dLng = rad(b[0] - a[0]);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}
