import type { UrgencyClass, WorkOrderKind, WorkOrderStatus } from '@estate-ops/domain/work-orders';
import type { SlaState } from '$lib/api/work-orders';
import { shownSlaState } from '$lib/state/order-book';
import type { LiveOrder } from '$lib/state/order-book';

/** The map's filters: an empty choice means "all". */
export class MapFilters {
	kinds: readonly WorkOrderKind[] = $state([]);
	urgencies: readonly UrgencyClass[] = $state([]);
	statuses: readonly WorkOrderStatus[] = $state([]);
	slaStates: readonly SlaState[] = $state([]);
	buildingId: string = $state('');

	get active(): boolean {
		return (
			this.kinds.length + this.urgencies.length + this.statuses.length + this.slaStates.length > 0 ||
			this.buildingId !== ''
		);
	}

	clear(): void {
		this.kinds = [];
		this.urgencies = [];
		this.statuses = [];
		this.slaStates = [];
		this.buildingId = '';
	}

	matches(entry: LiveOrder, now: Date): boolean {
		const { order } = entry;
		if (this.kinds.length && !this.kinds.includes(order.kind)) return false;
		if (this.urgencies.length && !this.urgencies.includes(order.urgency)) return false;
		if (this.statuses.length && !this.statuses.includes(order.status)) return false;
		if (this.buildingId && order.location.buildingId !== this.buildingId) return false;
		if (this.slaStates.length) {
			const state = shownSlaState(entry, now);
			if (state === null || !this.slaStates.includes(state)) return false;
		}
		return true;
	}
}

export const toggle = <T>(list: readonly T[], value: T): T[] =>
	list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
