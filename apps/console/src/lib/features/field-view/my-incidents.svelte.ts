import type { ApiFailure } from '$lib/api/http';
import type { IncidentRecord, IncidentReport, IncidentsApi, StepOutcome } from './api/incidents-api';
import type { TaskOutcome } from './my-tasks.svelte';
import { outcomeOfFailure } from './my-tasks.svelte';
import { newKey } from './new-key';

/**
 * The incidents (突发事件) I filed that are still open, each with its emergency checklist to tick. A report
 * keeps its idempotency key until it is answered, so pressing send again after a timeout files it once.
 */
export class MyIncidents {
	open: readonly IncidentRecord[] = $state.raw([]);
	failure: ApiFailure | null = $state(null);

	readonly #api: IncidentsApi;
	#reportKey = newKey();

	constructor(api: IncidentsApi) {
		this.#api = api;
	}

	async load(): Promise<void> {
		const result = await this.#api.open();
		if (result.ok) {
			this.open = result.value;
			this.failure = null;
		} else this.failure = result.failure;
	}

	async report(report: IncidentReport): Promise<{ ok: true; record: IncidentRecord } | TaskOutcome> {
		const result = await this.#api.report(report, this.#reportKey);
		if (!result.ok) return outcomeOfFailure(result.failure);
		this.#reportKey = newKey();
		this.#put(result.value);
		return { ok: true, record: result.value };
	}

	async tick(record: IncidentRecord, stepKey: string, outcome: StepOutcome): Promise<TaskOutcome> {
		const result = await this.#api.completeStep(record.incident.id, stepKey, outcome, record.version);
		if (!result.ok) {
			if (result.failure.kind === 'problem' && result.failure.problem.status === 409) void this.load();
			return outcomeOfFailure(result.failure);
		}
		this.#put(result.value);
		return { ok: true };
	}

	#put(record: IncidentRecord): void {
		const others = this.open.filter((entry) => entry.incident.id !== record.incident.id);
		this.open = [record, ...others];
	}
}
