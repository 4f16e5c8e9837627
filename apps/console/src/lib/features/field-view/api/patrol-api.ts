import type { PatrolFindingKind } from '@estate-ops/domain/patrols';
import { z } from 'zod';
import type { ApiClient, ApiResult } from '$lib/api/http';

const LngLat = z.tuple([z.number(), z.number()]);

export const CheckpointState = z.enum(['visited', 'late', 'missed', 'due', 'upcoming']);
export type CheckpointState = z.infer<typeof CheckpointState>;

/** One checkpoint of a round as the api evaluates it now. Codes are left out: a guard reads the plate. */
export const CheckpointProgress = z.object({
	checkpointId: z.string(),
	name: z.string(),
	sequence: z.number(),
	point: LngLat,
	state: CheckpointState,
	dueAt: z.string(),
	lateAfter: z.string(),
	behind: z.boolean(),
	scannedAt: z.string().nullable(),
	guardId: z.string().nullable(),
	flags: z.array(z.string()),
});
export type CheckpointProgress = z.infer<typeof CheckpointProgress>;

export const PatrolRound = z.object({
	id: z.string(),
	routeId: z.string(),
	routeName: z.string(),
	period: z.enum(['day', 'night']),
	startsAt: z.string(),
	windowEndsAt: z.string(),
	assigneeId: z.string().nullable(),
	status: z.enum(['scheduled', 'in_progress', 'completed', 'completed_with_issues', 'missed']),
	completion: z.number(),
	counts: z.record(z.string(), z.number()),
	checkpoints: z.array(CheckpointProgress),
});
export type PatrolRound = z.infer<typeof PatrolRound>;

export const RoundsOfDay = z.object({
	date: z.string(),
	timeZone: z.string(),
	evaluatedAt: z.string(),
	routes: z.array(z.object({ routeId: z.string(), name: z.string(), rounds: z.array(PatrolRound) })),
	current: z.array(PatrolRound),
});
export type RoundsOfDay = z.infer<typeof RoundsOfDay>;

export const ScanVerdict = z.enum([
	'visit',
	'late_visit',
	'repeat',
	'wrong_code',
	'unknown_checkpoint',
	'before_window',
	'after_window',
]);
export type ScanVerdict = z.infer<typeof ScanVerdict>;

export const ScanResult = z.object({
	scan: z.object({
		id: z.string(),
		roundId: z.string(),
		checkpointId: z.string(),
		verdict: ScanVerdict,
		counted: z.boolean(),
		offPosition: z.boolean(),
		scannedAt: z.string(),
	}),
	round: PatrolRound,
	duplicate: z.boolean(),
});
export type ScanResult = z.infer<typeof ScanResult>;

export type Finding = {
	readonly kind: PatrolFindingKind;
	readonly text: string;
	readonly photoAttachmentId?: string;
};

/** A scan as the phone sends it: the code from the plate (camera or typed), when, and where the guard stood. */
export type ScanInput = {
	readonly checkpointCode: string;
	readonly scannedAt: string;
	readonly lng: number;
	readonly lat: number;
	readonly accuracyM: number;
	readonly method: 'qr' | 'typed';
	readonly note?: string;
	readonly findings?: readonly Finding[];
};

export const patrolApi = (api: ApiClient) => ({
	/** Today's rounds in the estate's zone, with the ones open now in `current`. */
	rounds: (): Promise<ApiResult<RoundsOfDay>> => api.request('/api/v1/patrols/rounds', RoundsOfDay),
	scan: (input: ScanInput): Promise<ApiResult<ScanResult>> =>
		api.request('/api/v1/patrols/scans', ScanResult, { method: 'POST', body: input }),
});
export type PatrolApi = ReturnType<typeof patrolApi>;
