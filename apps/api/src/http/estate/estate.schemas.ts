import { z } from '@hono/zod-openapi';

const Position = z
	.tuple([z.number(), z.number()])
	.openapi({ description: '[longitude, latitude], WGS-84', example: [121.545, 31.205] });

const GeoJsonGeometry = z
	.object({ type: z.string(), coordinates: z.unknown() })
	.openapi('GeoJsonGeometry', { description: 'A GeoJSON geometry (WGS-84)' });

export const EstateView = z
	.object({
		id: z.string(),
		code: z.string(),
		name: z.string(),
		nameEn: z.string().nullable(),
		timeZone: z.string().openapi({ example: 'Asia/Shanghai' }),
		address: z.string().nullable(),
		centre: Position,
		boundary: GeoJsonGeometry,
	})
	.openapi('Estate');

export const SitePlan = z
	.object({
		type: z.literal('FeatureCollection'),
		features: z.array(
			z.object({
				type: z.literal('Feature'),
				id: z.string(),
				geometry: GeoJsonGeometry,
				properties: z
					.object({
						layer: z
							.enum(['feature', 'building', 'zone'])
							.openapi({ description: 'the table the feature comes from' }),
						kind: z.string().openapi({ example: 'road' }),
						name: z.string().nullable(),
					})
					.catchall(z.unknown()),
			}),
		),
	})
	.openapi('SitePlan');

const RoomView = z.object({ id: z.string(), number: z.string(), floor: z.number().int() });

export const BuildingDirectory = z
	.object({
		buildings: z.array(
			z.object({
				id: z.string(),
				number: z.string(),
				name: z.string(),
				kind: z.string(),
				floors: z.number().int(),
				centre: Position.nullable(),
				units: z.array(z.object({ id: z.string(), number: z.string(), rooms: z.array(RoomView) })),
			}),
		),
	})
	.openapi('BuildingDirectory');

export const StaffDirectory = z
	.object({
		staff: z.array(
			z.object({
				id: z.string(),
				name: z.string(),
				roles: z.array(z.string()),
				department: z.string().nullable(),
				active: z.boolean(),
			}),
		),
	})
	.openapi('StaffDirectory');
