import { describe, expect, it } from 'vitest';
import { departmentOfOrder } from './order-department';

describe('departmentOfOrder', () => {
	it.each([
		['repair', 'plumbing', 'engineering'],
		['repair', 'public_facilities', 'engineering'],
		['booking', 'cleaning_deep', 'cleaning'],
		['booking', 'greening', 'landscaping'],
		['booking', 'parking_space', 'security'],
		['booking', 'home_visit', 'customer_service'],
		['complaint', 'noise', 'security'],
		['complaint', 'sanitation', 'cleaning'],
		['complaint', 'facilities', 'engineering'],
		['complaint', 'service', 'customer_service'],
		['inquiry', 'fees', 'customer_service'],
	] as const)('gives an unassigned %s about %s to %s', (kind, category, department) => {
		expect(departmentOfOrder({ kind, category }, null)).toBe(department);
	});

	it("follows the assignee's department once someone has the order", () => {
		expect(departmentOfOrder({ kind: 'repair', category: 'plumbing' }, 'cleaning')).toBe('cleaning');
	});
});
