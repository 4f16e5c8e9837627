import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/database';
import { requirePermission } from '../auth/auth.middleware';
import { createRouter, problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';
import { BuildingDirectory, EstateView, SitePlan, StaffDirectory } from './estate.schemas';
import {
	buildingDirectoryOf,
	findEstate,
	sitePlanOf,
	staffNamesOf,
} from '../../db/repositories/site-plan.repository';

export type EstateRoutesDeps = { readonly db: Database };

const denied = {
	401: problemContent('Not signed in'),
	403: problemContent('Not allowed'),
} as const;

const estateRoute = createRoute({
	method: 'get',
	path: '/',
	tags: ['estate'],
	summary: "The caller's estate: name, time zone, centre and boundary",
	responses: {
		200: { description: 'The estate', content: { 'application/json': { schema: EstateView } } },
		...denied,
		404: problemContent('The estate no longer exists'),
	},
});

const sitePlanRoute = createRoute({
	method: 'get',
	path: '/site-plan',
	tags: ['estate'],
	summary: 'The site plan (总平面图) as GeoJSON: map features, building footprints and zones',
	responses: {
		200: { description: 'A FeatureCollection', content: { 'application/json': { schema: SitePlan } } },
		...denied,
	},
});

const buildingsRoute = createRoute({
	method: 'get',
	path: '/buildings',
	tags: ['estate'],
	summary: 'Buildings (栋) with their units (单元) and rooms (房号), for room lookups',
	responses: {
		200: {
			description: 'The building directory',
			content: { 'application/json': { schema: BuildingDirectory } },
		},
		...denied,
	},
});

const staffRoute = createRoute({
	method: 'get',
	path: '/staff',
	tags: ['estate'],
	summary: 'Staff names of the estate, to show who did what (needs staff.read as well)',
	responses: {
		200: { description: 'The staff directory', content: { 'application/json': { schema: StaffDirectory } } },
		...denied,
	},
});

/** The estate's own picture for the console's map and room lookup: `/api/v1/estate`. */
export function estateRoutes(deps: EstateRoutesDeps) {
	const { db } = deps;
	const router = createRouter();
	router.use('*', requirePermission('estate.read'));
	router.use('/staff', requirePermission('staff.read'));

	const estateIdOf = (principal: { estateId: string } | undefined): string => {
		if (!principal) throw new Error('route reached without a principal: requirePermission must run first');
		return principal.estateId;
	};

	return router
		.openapi(estateRoute, async (c) => {
			const estate = await findEstate(db, estateIdOf(c.get('principal')));
			if (!estate) {
				return problemResponse(
					problem(404, 'Not Found', {
						detail: 'Your estate no longer exists.',
						code: 'ESTATE.NOT_FOUND',
						requestId: c.get('requestId'),
					}),
				) as never;
			}
			c.header('cache-control', 'private, max-age=60');
			return c.json(estate, 200);
		})
		.openapi(sitePlanRoute, async (c) => {
			const features = await sitePlanOf(db, estateIdOf(c.get('principal')));
			c.header('cache-control', 'private, max-age=60');
			return c.json({ type: 'FeatureCollection' as const, features }, 200);
		})
		.openapi(buildingsRoute, async (c) => {
			const buildings = await buildingDirectoryOf(db, estateIdOf(c.get('principal')));
			c.header('cache-control', 'private, max-age=60');
			return c.json({ buildings }, 200);
		})
		.openapi(staffRoute, async (c) => {
			const staff = await staffNamesOf(db, estateIdOf(c.get('principal')));
			return c.json({ staff }, 200);
		});
}
