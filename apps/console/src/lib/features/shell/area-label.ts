import { m } from '$lib/paraglide/messages';
import type { Area } from './areas';

/** The area's name in the reader's language. */
export function areaLabel(area: Area): string {
	switch (area) {
		case 'map':
			return m.nav_map();
		case 'work-orders':
			return m.nav_work_orders();
		case 'kiosk-undelivered':
			return m.nav_kiosk_undelivered();
		case 'notices':
			return m.nav_notices();
		case 'patrols':
			return m.nav_patrols();
		case 'incidents':
			return m.nav_incidents();
		case 'cleaning':
			return m.nav_cleaning();
		case 'quality':
			return m.nav_quality();
		case 'kpis':
			return m.nav_kpis();
		case 'analytics':
			return m.nav_analytics();
		case 'administration':
			return m.nav_administration();
	}
}
