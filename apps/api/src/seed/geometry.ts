import type {
	Geometry,
	LineStringGeometry,
	MapFeatureKind,
	PointGeometry,
	PolygonGeometry,
	Position,
	ZoneKind,
} from '@estate-ops/domain/estate';
import { Geometry as GeometrySchema } from '@estate-ops/domain/estate';

/**
 * The site plan (总平面图) of 御景华庭, drawn in metres east (x) and north (y) of the estate's centre and
 * turned into WGS-84 `[lng, lat]`. The centre sits inside a residential block of Pudong near Huamu, south-west
 * of Century Park, away from the Huangpu. The estate is about 500 m × 400 m: twelve towers in three rows
 * (the tallest to the north so they do not shade the others), a clubhouse by the north main gate, a central
 * garden with a water feature, a ring road, two underground-garage ramps and green belts along the fence.
 */
export const DEMO_CENTRE: Position = [121.545, 31.205];

const METRES_PER_DEGREE_LAT = 110_574;
const metresPerDegreeLng = 111_320 * Math.cos((DEMO_CENTRE[1] * Math.PI) / 180);

type Metres = readonly [x: number, y: number];

const round7 = (value: number): number => Math.round(value * 1e7) / 1e7;

export function toPosition([x, y]: Metres): Position {
	return [
		round7(DEMO_CENTRE[0] + x / metresPerDegreeLng),
		round7(DEMO_CENTRE[1] + y / METRES_PER_DEGREE_LAT),
	];
}

const point = (at: Metres): PointGeometry => ({ type: 'Point', coordinates: toPosition(at) });
const line = (points: readonly Metres[]): LineStringGeometry => ({
	type: 'LineString',
	coordinates: points.map(toPosition),
});
function polygon(corners: readonly Metres[]): PolygonGeometry {
	const ring = corners.map(toPosition);
	const first = ring[0];
	if (first === undefined) throw new Error('a polygon needs corners');
	return { type: 'Polygon', coordinates: [[...ring, first]] };
}
const rectangle = (x1: number, y1: number, x2: number, y2: number): PolygonGeometry =>
	polygon([
		[x1, y1],
		[x2, y1],
		[x2, y2],
		[x1, y2],
	]);

/** A `width` × `depth` rectangle centred on `centre`, turned `degrees` anticlockwise: a tower's footprint. */
function rotatedRectangle(centre: Metres, width: number, depth: number, degrees: number): PolygonGeometry {
	const angle = (degrees * Math.PI) / 180;
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const corners: Metres[] = [
		[-width / 2, -depth / 2],
		[width / 2, -depth / 2],
		[width / 2, depth / 2],
		[-width / 2, depth / 2],
	].map(([dx = 0, dy = 0]) => [centre[0] + dx * cos - dy * sin, centre[1] + dx * sin + dy * cos]);
	return polygon(corners);
}

function ellipse(centre: Metres, rx: number, ry: number, sides: number): Metres[] {
	return Array.from({ length: sides }, (_, i): Metres => {
		const angle = (2 * Math.PI * i) / sides;
		return [centre[0] + rx * Math.cos(angle), centre[1] + ry * Math.sin(angle)];
	});
}

export type TowerPlan = {
	readonly number: string;
	readonly name: string;
	readonly floors: number;
	/** Dwellings per floor in each of the two units (一梯两户 … 一梯四户). */
	readonly roomsPerUnitFloor: number;
	readonly footprint: PolygonGeometry;
	readonly centre: Position;
	/** Where the tower stands, in metres: used to name nearby things. */
	readonly at: Metres;
};

export type FeaturePlan = {
	readonly kind: MapFeatureKind;
	readonly name: string;
	readonly geometry: Geometry;
	readonly properties: Readonly<Record<string, unknown>>;
};

export type CheckpointPlan = {
	readonly code: string;
	readonly name: string;
	readonly geometry: PointGeometry;
};

export type ZonePlan = {
	readonly kind: ZoneKind;
	readonly name: string;
	/** The tower the zone belongs to (corridors, lifts, lobbies), by number. */
	readonly towerNumber: string | null;
	readonly geometry: Geometry;
};

export type SiteLayout = {
	readonly centre: Position;
	readonly boundary: PolygonGeometry;
	readonly towers: readonly TowerPlan[];
	readonly clubhouse: { readonly footprint: PolygonGeometry; readonly centre: Position };
	readonly features: readonly FeaturePlan[];
	readonly perimeterCheckpoints: readonly CheckpointPlan[];
	readonly innerCheckpoints: readonly CheckpointPlan[];
	readonly zones: readonly ZonePlan[];
};

// Rows from north to south: the tallest towers (一梯两户, the most sought after) face the garden from the north.
const TOWER_ROWS: readonly {
	readonly y: number;
	readonly xs: readonly number[];
	readonly floors: readonly number[];
	readonly roomsPerUnitFloor: number;
	readonly width: number;
	readonly depth: number;
	readonly degrees: number;
}[] = [
	{
		y: 120,
		xs: [-175, -95, 95, 175],
		floors: [33, 32, 32, 33],
		roomsPerUnitFloor: 2,
		width: 38,
		depth: 17,
		degrees: 6,
	},
	{
		y: 10,
		xs: [-175, -105, 105, 175],
		floors: [28, 30, 30, 28],
		roomsPerUnitFloor: 3,
		width: 42,
		depth: 18,
		degrees: 6,
	},
	{
		y: -112,
		xs: [-175, -95, 95, 175],
		floors: [18, 22, 22, 18],
		roomsPerUnitFloor: 4,
		width: 46,
		depth: 19,
		degrees: 6,
	},
];

const CLUBHOUSE: { at: Metres; width: number; depth: number } = { at: [0, 115], width: 64, depth: 30 };

const NORTH_GATE: Metres = [0, 196];
const SOUTH_GATE: Metres = [40, -196];
const WEST_RAMP: Metres = [-207, 95];
const EAST_RAMP: Metres = [207, -95];

function towers(): TowerPlan[] {
	let number = 0;
	return TOWER_ROWS.flatMap((row) =>
		row.xs.map((x, i): TowerPlan => {
			number += 1;
			const at: Metres = [x, row.y];
			return {
				number: String(number),
				name: `${number}栋`,
				floors: row.floors[i] ?? 18,
				roomsPerUnitFloor: row.roomsPerUnitFloor,
				footprint: rotatedRectangle(at, row.width, row.depth, row.degrees),
				centre: toPosition(at),
				at,
			};
		}),
	);
}

function nearestTower(all: readonly TowerPlan[], at: Metres): TowerPlan {
	let best: TowerPlan | undefined;
	let bestDistance = Infinity;
	for (const tower of all) {
		const distance = Math.hypot(tower.at[0] - at[0], tower.at[1] - at[1]);
		if (distance < bestDistance) {
			best = tower;
			bestDistance = distance;
		}
	}
	if (best === undefined) throw new Error('no towers');
	return best;
}

const GARBAGE_POINTS: readonly Metres[] = [
	[-135, 68],
	[135, 68],
	[-140, -52],
	[140, -52],
	[-200, -140],
	[200, 140],
];

function features(all: readonly TowerPlan[]): FeaturePlan[] {
	const roads: FeaturePlan[] = [
		[
			'北环路',
			[
				[-222, 172],
				[222, 172],
			],
		],
		[
			'东环路',
			[
				[222, 172],
				[222, -172],
			],
		],
		[
			'南环路',
			[
				[222, -172],
				[-222, -172],
			],
		],
		[
			'西环路',
			[
				[-222, -172],
				[-222, 172],
			],
		],
		['御景大道', [NORTH_GATE, [0, 172], [0, 132]]],
		['南门路', [SOUTH_GATE, [40, -172]]],
		[
			'华庭一路',
			[
				[-222, 65],
				[-78, 65],
			],
		],
		[
			'华庭二路',
			[
				[78, 65],
				[222, 65],
			],
		],
		[
			'华庭三路',
			[
				[-222, -55],
				[-78, -55],
			],
		],
		[
			'华庭四路',
			[
				[78, -55],
				[222, -55],
			],
		],
	].map(([name, points]) => ({
		kind: 'road',
		name: name as string,
		geometry: line(points as Metres[]),
		properties: { widthMetres: 7 },
	}));
	const paths: FeaturePlan[] = [
		{
			kind: 'path',
			name: '花园环形步道',
			geometry: line([...ellipse([0, 3], 52, 40, 24), [52, 3]]),
			properties: {},
		},
		{
			kind: 'path',
			name: '中轴步道（北段）',
			geometry: line([
				[0, 100],
				[0, 43],
			]),
			properties: {},
		},
		{
			kind: 'path',
			name: '中轴步道（南段）',
			geometry: line([
				[0, -37],
				[0, -98],
			]),
			properties: {},
		},
	];
	const greens: FeaturePlan[] = [
		{ kind: 'green', name: '中心花园', geometry: polygon(ellipse([0, 3], 66, 50, 16)), properties: {} },
		{ kind: 'green', name: '北侧绿化带', geometry: rectangle(-245, 178, 195, 194), properties: {} },
		{ kind: 'green', name: '南侧绿化带', geometry: rectangle(-245, -194, 25, -178), properties: {} },
		{ kind: 'green', name: '西侧绿化带', geometry: rectangle(-245, -168, -229, 168), properties: {} },
		{ kind: 'green', name: '东侧绿化带', geometry: rectangle(229, -168, 245, 160), properties: {} },
	];
	const gates: FeaturePlan[] = [
		{
			kind: 'gate',
			name: '北大门',
			geometry: point(NORTH_GATE),
			properties: { main: true, vehicles: true, nameEn: 'North Main Gate' },
		},
		{
			kind: 'gate',
			name: '南门',
			geometry: point(SOUTH_GATE),
			properties: { main: false, vehicles: true, nameEn: 'South Gate' },
		},
	];
	const parking: FeaturePlan[] = [
		{
			kind: 'parking_entrance',
			name: '地库入口（西）',
			geometry: point(WEST_RAMP),
			properties: { levels: ['B1', 'B2'] },
		},
		{
			kind: 'parking_entrance',
			name: '地库入口（东）',
			geometry: point(EAST_RAMP),
			properties: { levels: ['B1', 'B2'] },
		},
		{
			kind: 'parking',
			name: '访客停车场',
			geometry: rectangle(60, -194, 140, -180),
			properties: { spaces: 24 },
		},
	];
	const garbage: FeaturePlan[] = GARBAGE_POINTS.map((at, i) => ({
		kind: 'garbage_point',
		name: `${i + 1}号垃圾分类点（${nearestTower(all, at).name}旁）`,
		geometry: point(at),
		properties: {},
	}));
	return [
		...roads,
		...paths,
		...greens,
		{ kind: 'water', name: '景观水池', geometry: polygon(ellipse([0, 5], 30, 14, 16)), properties: {} },
		{ kind: 'playground', name: '儿童游乐区', geometry: rectangle(-25, -132, 25, -100), properties: {} },
		...gates,
		...parking,
		...garbage,
	];
}

const checkpoint = (prefix: string, index: number, name: string, at: Metres): CheckpointPlan => ({
	code: `YJHT-${prefix}${String(index + 1).padStart(2, '0')}`,
	name,
	geometry: point(at),
});

// Clockwise along the fence from the north main gate.
const PERIMETER: readonly (readonly [string, Metres])[] = [
	['北大门岗亭', [12, 188]],
	['东北角围墙', [205, 186]],
	['东侧围墙北段', [238, 100]],
	['东侧围墙中段', [238, 0]],
	['东侧围墙南段', [238, -100]],
	['东南角围墙', [238, -188]],
	['访客停车场', [100, -186]],
	['南门岗亭', [52, -188]],
	['西南角围墙', [-238, -188]],
	['西侧围墙南段', [-238, -80]],
	['西侧围墙北段', [-238, 80]],
	['西北角围墙', [-238, 188]],
];

const INNER: readonly (readonly [string, Metres])[] = [
	['会所大堂', [0, 104]],
	['西侧地库入口', [-200, 95]],
	['北区垃圾站', [-135, 72]],
	['中心花园水景', [0, -14]],
	['儿童游乐区', [0, -97]],
	['南门内广场', [40, -158]],
	['南区垃圾站', [140, -56]],
	['东侧地库入口', [200, -95]],
];

function zones(
	all: readonly TowerPlan[],
	greens: readonly FeaturePlan[],
	roads: readonly FeaturePlan[],
): ZonePlan[] {
	const perTower = all.flatMap((tower): ZonePlan[] => [
		{ kind: 'corridor', name: `${tower.name}楼道`, towerNumber: tower.number, geometry: tower.footprint },
		{
			kind: 'lift',
			name: `${tower.name}电梯`,
			towerNumber: tower.number,
			geometry: { type: 'Point', coordinates: tower.centre },
		},
		{
			kind: 'lobby',
			name: `${tower.name}大堂`,
			towerNumber: tower.number,
			geometry: point([tower.at[0], tower.at[1] - 6]),
		},
	]);
	const outdoor: ZonePlan[] = [
		...roads
			.filter((road) => road.geometry.type === 'LineString' && road.name.endsWith('环路'))
			.map((road): ZonePlan => ({
				kind: 'road',
				name: `${road.name}路面`,
				towerNumber: null,
				geometry: road.geometry,
			})),
		{
			kind: 'road',
			name: '御景大道路面',
			towerNumber: null,
			geometry: line([NORTH_GATE, [0, 172], [0, 132]]),
		},
		...greens.map((green): ZonePlan => ({
			kind: 'green',
			name: `${green.name}绿化`,
			towerNumber: null,
			geometry: green.geometry,
		})),
		{ kind: 'toilet', name: '会所一楼公共卫生间', towerNumber: null, geometry: point([-24, 110]) },
		{ kind: 'toilet', name: '会所二楼公共卫生间', towerNumber: null, geometry: point([24, 110]) },
		...GARBAGE_POINTS.map((at, i): ZonePlan => ({
			kind: 'garbage_point',
			name: `${i + 1}号垃圾分类点`,
			towerNumber: null,
			geometry: point(at),
		})),
		{ kind: 'parking', name: '地下车库（西区）', towerNumber: null, geometry: point([-190, 95]) },
		{ kind: 'parking', name: '地下车库（东区）', towerNumber: null, geometry: point([190, -95]) },
	];
	return [...perTower, ...outdoor];
}

/** The whole site plan; every geometry is checked against the domain's GeoJSON schema. */
export function demoSiteLayout(): SiteLayout {
	const all = towers();
	const planned = features(all);
	const boundary = polygon([
		[-250, -200],
		[250, -200],
		[250, 170],
		[220, 200],
		[-250, 200],
	]);
	const layout: SiteLayout = {
		centre: DEMO_CENTRE,
		boundary,
		towers: all,
		clubhouse: {
			footprint: rectangle(
				CLUBHOUSE.at[0] - CLUBHOUSE.width / 2,
				CLUBHOUSE.at[1] - CLUBHOUSE.depth / 2,
				CLUBHOUSE.at[0] + CLUBHOUSE.width / 2,
				CLUBHOUSE.at[1] + CLUBHOUSE.depth / 2,
			),
			centre: toPosition(CLUBHOUSE.at),
		},
		features: planned,
		perimeterCheckpoints: PERIMETER.map(([name, at], i) => checkpoint('P', i, name, at)),
		innerCheckpoints: INNER.map(([name, at], i) => checkpoint('I', i, name, at)),
		zones: zones(
			all,
			planned.filter((f) => f.kind === 'green'),
			planned.filter((f) => f.kind === 'road'),
		),
	};
	for (const geometry of allGeometries(layout)) GeometrySchema.parse(geometry);
	return layout;
}

/** Every geometry of the layout, for checks. */
export function allGeometries(layout: SiteLayout): Geometry[] {
	return [
		layout.boundary,
		layout.clubhouse.footprint,
		...layout.towers.map((tower) => tower.footprint),
		...layout.features.map((feature) => feature.geometry),
		...layout.perimeterCheckpoints.map((c) => c.geometry),
		...layout.innerCheckpoints.map((c) => c.geometry),
		...layout.zones.map((zone) => zone.geometry),
	];
}

/** Every position of a geometry. */
export function positionsOf(geometry: Geometry): Position[] {
	switch (geometry.type) {
		case 'Point':
			return [geometry.coordinates];
		case 'LineString':
			return geometry.coordinates;
		case 'Polygon':
			return geometry.coordinates.flat();
		case 'MultiPolygon':
			return geometry.coordinates.flat(2);
	}
}
