import { z } from 'zod';
import { Instant } from '../shared/time';
import { CheckpointId, StaffId } from '../shared/ids';
import { LngLat } from './geo';

export const ScanMethod = z.enum(['qr', 'nfc', 'typed']);
export type ScanMethod = z.infer<typeof ScanMethod>;

/**
 * A guard's scan of a checkpoint plate (巡更打卡). `code` is what the device read (or the guard typed);
 * it is checked against the checkpoint's code rather than trusted. `position` is the device's fix at the
 * time, when it had one.
 */
export const CheckpointScan = z.object({
	checkpointId: CheckpointId,
	code: z.string().trim().min(1).max(200),
	at: Instant,
	guardId: StaffId,
	position: LngLat.optional(),
	method: ScanMethod,
});
export type CheckpointScan = z.infer<typeof CheckpointScan>;
