import type { Department } from '../estate/department';
import type { WorkOrderCategory, WorkOrderKind } from '../work-orders/work-order-kind';

/** Who answers for requests that nobody has been given yet, by category. */
const DEPARTMENT_OF_CATEGORY: Partial<Record<WorkOrderCategory, Department>> = {
	cleaning_daily: 'cleaning',
	cleaning_deep: 'cleaning',
	sanitation: 'cleaning',
	greening: 'landscaping',
	environment: 'landscaping',
	parking_space: 'security',
	parking: 'security',
	security: 'security',
	// Noise at night is a matter for the guards (秩序维护) on their rounds.
	noise: 'security',
	facilities: 'engineering',
	renovation: 'engineering',
};

/**
 * The department whose roster an order's alerts follow: the assignee's once someone has it (a repair given to a
 * cleaner is the cleaning department's to chase), before that the one that usually takes such requests —
 * repairs to engineering (工程部), everything else to customer service (客服) unless its category says otherwise.
 */
export function departmentOfOrder(
	order: { readonly kind: WorkOrderKind; readonly category: WorkOrderCategory },
	assigneeDepartment: Department | null,
): Department {
	if (assigneeDepartment !== null) return assigneeDepartment;
	if (order.kind === 'repair') return 'engineering';
	return DEPARTMENT_OF_CATEGORY[order.category] ?? 'customer_service';
}
