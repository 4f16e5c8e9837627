import type { PatrolFinding, ScanMethod, ScanVerdict } from '@estate-ops/domain/patrols';
import type { StoredScan } from '../db/repositories/patrol-scan.repository';

/** A scan as the field view, the round card and the patrol log show it. */
export type ScanView = {
	readonly id: string;
	readonly roundId: string;
	readonly routeId: string;
	readonly checkpointId: string;
	readonly guardId: string;
	readonly method: ScanMethod;
	readonly scannedAt: Date;
	readonly receivedAt: Date;
	/** WGS-84, whatever datum the device reported in. */
	readonly point: [number, number];
	readonly accuracyM: number;
	readonly reportedDatum: string;
	readonly verdict: ScanVerdict;
	/** Whether the scan visited its checkpoint (on time or late) rather than being passed over. */
	readonly counted: boolean;
	readonly distanceMetres: number | null;
	readonly offPosition: boolean;
	readonly note: string | null;
	readonly findings: PatrolFinding[];
};

export const countsAsVisit = (verdict: ScanVerdict): boolean =>
	verdict === 'visit' || verdict === 'late_visit';

export const scanView = (scan: StoredScan): ScanView => ({
	id: scan.id,
	roundId: scan.roundId,
	routeId: scan.routeId,
	checkpointId: scan.checkpointId,
	guardId: scan.guardId,
	method: scan.method,
	scannedAt: scan.scannedAt,
	receivedAt: scan.receivedAt,
	point: [scan.point[0], scan.point[1]],
	accuracyM: scan.accuracyM,
	reportedDatum: scan.reportedDatum,
	verdict: scan.verdict,
	counted: countsAsVisit(scan.verdict),
	distanceMetres: scan.distanceMetres,
	offPosition: scan.offPosition,
	note: scan.note,
	findings: [...scan.findings],
});
