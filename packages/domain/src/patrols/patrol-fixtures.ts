import { PatrolRoute } from './patrol-route';

/** Test data shared by the patrol tests: a three-checkpoint route around the central garden. */
export const gardenRoute = (overrides: Record<string, unknown> = {}): PatrolRoute =>
	PatrolRoute.parse({
		id: 'route-garden',
		estateId: 'estate-1',
		name: '中心花园线',
		checkpoints: [
			{
				checkpointId: 'cp-gate',
				name: '南门',
				code: 'QR-GATE-7F3A',
				point: [121.4737, 31.2304],
				expectedMinute: 15,
			},
			{
				checkpointId: 'cp-pond',
				name: '景观水池',
				code: 'QR-POND-91BC',
				point: [121.4747, 31.2314],
				expectedMinute: 30,
			},
			{
				checkpointId: 'cp-club',
				name: '会所',
				code: 'QR-CLUB-2D44',
				point: [121.4757, 31.2324],
				expectedMinute: 45,
			},
		],
		day: { start: '06:00', end: '22:00', intervalHours: 2 },
		night: { start: '22:00', end: '06:00', intervalHours: 3 },
		windowMinutes: 60,
		toleranceMinutes: 10,
		...overrides,
	});
