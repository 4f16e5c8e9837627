import type {
	ExpressionSpecification,
	FontFacesSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification,
	StyleSpecification,
} from 'maplibre-gl';
import type { Estate, SitePlan } from '$lib/api/estate';
import { MAP_FONT } from './map-fonts';
import { palette } from './map-palette';

/** Layer ids the page toggles (orders, people, checkpoints, cleaning zones) and reads clicks from. */
export const LAYER_GROUPS = {
	orders: ['order-clusters', 'order-cluster-count', 'order-pulse', 'order-ring', 'order-dot', 'order-label'],
	people: [
		'person-track-line',
		'person-track-start',
		'person-sos-pulse',
		'person-outside-ring',
		'person-heading',
		'person-dot',
		'person-glyph',
		'person-label',
	],
	checkpoints: ['checkpoint-dot', 'checkpoint-number', 'checkpoint-label'],
	zones: ['cleaning-zone-fill', 'cleaning-zone-road', 'cleaning-zone-line', 'cleaning-zone-point', 'cleaning-zone-label'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

export const ORDER_SOURCE = 'orders';
export const PEOPLE_SOURCE = 'people';
export const TRACK_SOURCE = 'track';
export const CHECKPOINT_SOURCE = 'checkpoints';
export const ZONE_SOURCE = 'cleaning-zones';

/** The images the people layer rotates by heading, one per colour; added by the map at load (no sprite). */
export const HEADING_IMAGES = {
	guard: 'heading-guard',
	cleaner: 'heading-cleaner',
	technician: 'heading-technician',
	stale: 'heading-stale',
} as const;

const kindIs = (...kinds: string[]): ExpressionSpecification => [
	'match',
	['get', 'kind'],
	kinds,
	true,
	false,
];
const layerIs = (layer: string): ExpressionSpecification => ['==', ['get', 'layer'], layer];
const geometryIs = (...types: string[]): ExpressionSpecification => [
	'match',
	['geometry-type'],
	types,
	true,
	false,
];
const area = geometryIs('Polygon', 'MultiPolygon');
const line = geometryIs('LineString', 'MultiLineString');
const point = geometryIs('Point');

const label = (size: number, color: string = palette.label) => ({
	layout: {
		'text-field': ['get', 'name'] as ExpressionSpecification,
		'text-font': [MAP_FONT],
		'text-size': size,
	},
	paint: { 'text-color': color, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.4 },
});

/** The colour of an order's dot: its urgency. */
export const URGENCY_COLOR: ExpressionSpecification = [
	'match',
	['get', 'urgency'],
	'urgent',
	palette.urgent,
	'important',
	palette.important,
	palette.general,
];

/** A person's colour: their trade, grey once stale (no fix for two minutes). */
export const ROLE_COLOR: ExpressionSpecification = [
	'case',
	['get', 'stale'],
	palette.stale,
	['match', ['get', 'role'], 'cleaner', palette.cleaner, 'technician', palette.technician, palette.guard],
];

/** A checkpoint's colour: its state in the round open now. */
export const CHECKPOINT_COLOR: ExpressionSpecification = [
	'match',
	['get', 'state'],
	'visited',
	palette.onTrack,
	'late',
	palette.atRisk,
	'missed',
	palette.breached,
	'due',
	palette.checkpointDue,
	'upcoming',
	palette.checkpointUpcoming,
	palette.checkpoint,
];

/** A cleaning zone's colour: done, due, overdue; grey when nothing is due today. */
export const ZONE_COLOR: ExpressionSpecification = [
	'match',
	['get', 'status'],
	'done',
	palette.onTrack,
	'due',
	palette.atRisk,
	'overdue',
	palette.breached,
	palette.paused,
];

/** The colour of an order's ring: its SLA state. */
export const SLA_COLOR: ExpressionSpecification = [
	'match',
	['get', 'sla'],
	'breached',
	palette.breached,
	'at_risk',
	palette.atRisk,
	'paused',
	palette.paused,
	palette.onTrack,
];

function siteLayers(): LayerSpecification[] {
	const site = 'site';
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': palette.background } },
		{ id: 'estate-ground', type: 'fill', source: 'estate', paint: { 'fill-color': palette.ground } },
		{
			id: 'estate-fence',
			type: 'line',
			source: 'estate',
			paint: { 'line-color': palette.boundary, 'line-width': 2, 'line-dasharray': [3, 2] },
		},
		{
			id: 'green',
			type: 'fill',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('green'), area],
			paint: { 'fill-color': palette.green, 'fill-outline-color': palette.greenEdge },
		},
		{
			id: 'playground',
			type: 'fill',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('playground'), area],
			paint: { 'fill-color': palette.playground },
		},
		{
			id: 'water',
			type: 'fill',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('water'), area],
			paint: { 'fill-color': palette.water },
		},
		{
			id: 'parking-area',
			type: 'fill',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('parking'), area],
			paint: { 'fill-color': palette.road, 'fill-opacity': 0.6 },
		},
		{
			id: 'road-area',
			type: 'fill',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('road'), area],
			paint: { 'fill-color': palette.road },
		},
		{
			id: 'road-casing',
			type: 'line',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('road'), line],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': palette.roadEdge,
				'line-width': ['interpolate', ['exponential', 2], ['zoom'], 15, 4, 19, 26],
			},
		},
		{
			id: 'road',
			type: 'line',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('road'), line],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': palette.road,
				'line-width': ['interpolate', ['exponential', 2], ['zoom'], 15, 3, 19, 22],
			},
		},
		{
			id: 'path',
			type: 'line',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('path'), line],
			paint: {
				'line-color': palette.path,
				'line-width': ['interpolate', ['linear'], ['zoom'], 15, 1, 19, 4],
				'line-dasharray': [2, 1.5],
			},
		},
		{
			id: 'cleaning-zone-fill',
			type: 'fill',
			source: ZONE_SOURCE,
			filter: ['all', area, ['!', ['get', 'indoor']]],
			paint: { 'fill-color': ZONE_COLOR, 'fill-opacity': 0.28 },
		},
		{
			id: 'cleaning-zone-road',
			type: 'line',
			source: ZONE_SOURCE,
			filter: line,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': ZONE_COLOR,
				'line-opacity': 0.45,
				'line-width': ['interpolate', ['exponential', 2], ['zoom'], 15, 2, 19, 16],
			},
		},
		{
			id: 'building',
			type: 'fill',
			source: site,
			filter: ['all', layerIs('building'), area],
			paint: {
				'fill-color': ['match', ['get', 'kind'], 'clubhouse', palette.clubhouse, palette.building],
				'fill-outline-color': palette.buildingEdge,
			},
		},
		{
			id: 'building-edge',
			type: 'line',
			source: site,
			filter: ['all', layerIs('building'), area],
			paint: { 'line-color': palette.buildingEdge, 'line-width': 1.2 },
		},
		{
			// Indoor zones (corridors) share their building's outline: drawn as an inner ring, not a fill over it.
			id: 'cleaning-zone-line',
			type: 'line',
			source: ZONE_SOURCE,
			filter: area,
			paint: {
				'line-color': ZONE_COLOR,
				'line-width': ['case', ['get', 'indoor'], 2.5, 1.5],
				'line-offset': ['case', ['get', 'indoor'], 2, 0],
				'line-opacity': 0.9,
			},
		},
		{
			id: 'cleaning-zone-point',
			type: 'circle',
			source: ZONE_SOURCE,
			filter: point,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 15, 3, 19, 7],
				'circle-color': ZONE_COLOR,
				'circle-opacity': 0.9,
				'circle-stroke-color': palette.background,
				'circle-stroke-width': 1,
			},
		},
		{
			id: 'area-label',
			type: 'symbol',
			source: site,
			minzoom: 16.5,
			filter: ['all', layerIs('feature'), kindIs('green', 'water', 'playground'), area],
			...label(11, palette.minorLabel),
		},
		{
			id: 'building-label',
			type: 'symbol',
			source: site,
			filter: ['all', layerIs('building'), area],
			...label(13),
		},
		{
			id: 'gate-dot',
			type: 'circle',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('gate'), point],
			paint: {
				'circle-radius': 6,
				'circle-color': palette.gate,
				'circle-stroke-color': palette.background,
				'circle-stroke-width': 2,
			},
		},
		{
			id: 'gate-label',
			type: 'symbol',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('gate'), point],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [MAP_FONT],
				'text-size': 12,
				'text-offset': [0, 1.3],
				'text-anchor': 'top',
			},
			paint: { 'text-color': palette.gate, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.4 },
		},
		{
			id: 'parking-entrance',
			type: 'circle',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('parking_entrance', 'parking'), point],
			paint: {
				'circle-radius': 8,
				'circle-color': '#1d2a3a',
				'circle-stroke-color': palette.parking,
				'circle-stroke-width': 1.5,
			},
		},
		{
			id: 'parking-entrance-label',
			type: 'symbol',
			source: site,
			filter: ['all', layerIs('feature'), kindIs('parking_entrance', 'parking'), point],
			layout: { 'text-field': 'P', 'text-font': [MAP_FONT], 'text-size': 11, 'text-allow-overlap': true },
			paint: { 'text-color': palette.label },
		},
		{
			id: 'cleaning-zone-label',
			type: 'symbol',
			source: ZONE_SOURCE,
			minzoom: 18,
			filter: ['!', ['get', 'indoor']],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [MAP_FONT],
				'text-size': 10,
				'text-offset': [0, 1],
				'text-anchor': 'top',
				'text-optional': true,
			},
			paint: { 'text-color': ZONE_COLOR, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.2 },
		},
	];
}

function checkpointLayers(): LayerSpecification[] {
	return [
		{
			id: 'checkpoint-dot',
			type: 'circle',
			source: CHECKPOINT_SOURCE,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 15, 4, 18, 8],
				'circle-color': ['match', ['get', 'state'], ['upcoming', 'idle'], palette.background, CHECKPOINT_COLOR],
				'circle-stroke-color': [
					'case',
					['get', 'behind'],
					palette.atRisk,
					['match', ['get', 'state'], ['upcoming', 'idle'], CHECKPOINT_COLOR, palette.background],
				],
				'circle-stroke-width': ['case', ['get', 'behind'], 3, 2],
			},
		},
		{
			id: 'checkpoint-number',
			type: 'symbol',
			source: CHECKPOINT_SOURCE,
			minzoom: 16.8,
			layout: {
				'text-field': ['to-string', ['get', 'sequence']],
				'text-font': [MAP_FONT],
				'text-size': 9,
				'text-allow-overlap': true,
				'text-ignore-placement': true,
			},
			paint: {
				'text-color': ['match', ['get', 'state'], ['upcoming', 'idle'], palette.label, palette.background],
			},
		},
		{
			id: 'checkpoint-label',
			type: 'symbol',
			source: CHECKPOINT_SOURCE,
			minzoom: 17.5,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [MAP_FONT],
				'text-size': 10,
				'text-offset': [0, 1.1],
				'text-anchor': 'top',
				'text-optional': true,
			},
			paint: {
				'text-color': ['match', ['get', 'state'], 'idle', palette.checkpoint, CHECKPOINT_COLOR],
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 1.2,
			},
		},
	];
}

function peopleLayers(): LayerSpecification[] {
	const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
	return [
		{
			id: 'person-track-line',
			type: 'line',
			source: TRACK_SOURCE,
			filter: line,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-width': 3,
				// Older is fainter: the direction of travel reads at a glance.
				'line-gradient': [
					'interpolate',
					['linear'],
					['line-progress'],
					0,
					'rgba(230,237,243,0.08)',
					1,
					palette.track,
				],
			},
		},
		{
			id: 'person-track-start',
			type: 'circle',
			source: TRACK_SOURCE,
			filter: ['==', ['get', 'kind'], 'start'],
			paint: {
				'circle-radius': 4,
				'circle-color': palette.background,
				'circle-stroke-color': palette.track,
				'circle-stroke-width': 1.5,
				'circle-stroke-opacity': 0.5,
			},
		},
		{
			id: 'person-sos-pulse',
			type: 'circle',
			source: PEOPLE_SOURCE,
			filter: ['get', 'sos'],
			paint: {
				'circle-radius': 16,
				'circle-color': palette.sos,
				'circle-opacity': 0.45,
				'circle-stroke-color': palette.sos,
				'circle-stroke-width': 2,
				'circle-stroke-opacity': 0.9,
			},
		},
		{
			id: 'person-outside-ring',
			type: 'circle',
			source: PEOPLE_SOURCE,
			filter: ['get', 'outside'],
			paint: {
				'circle-radius': 13,
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-color': palette.outside,
				'circle-stroke-width': 2.5,
			},
		},
		{
			id: 'person-heading',
			type: 'symbol',
			source: PEOPLE_SOURCE,
			filter: ['>=', ['get', 'heading'], 0],
			layout: {
				'icon-image': [
					'case',
					['get', 'stale'],
					HEADING_IMAGES.stale,
					[
						'match',
						['get', 'role'],
						'cleaner',
						HEADING_IMAGES.cleaner,
						'technician',
						HEADING_IMAGES.technician,
						HEADING_IMAGES.guard,
					],
				],
				'icon-rotate': ['get', 'heading'],
				'icon-rotation-alignment': 'map',
				'icon-allow-overlap': true,
				'icon-ignore-placement': true,
			},
		},
		{
			id: 'person-dot',
			type: 'circle',
			source: PEOPLE_SOURCE,
			paint: {
				'circle-radius': ['case', selected, 10, 8],
				'circle-color': ROLE_COLOR,
				'circle-opacity': ['case', ['get', 'stale'], 0.7, 1],
				'circle-stroke-color': ['case', ['get', 'sos'], palette.sos, selected, palette.label, palette.background],
				'circle-stroke-width': ['case', ['get', 'sos'], 3, selected, 3, 2],
			},
		},
		{
			id: 'person-glyph',
			type: 'symbol',
			source: PEOPLE_SOURCE,
			layout: {
				'text-field': ['get', 'glyph'],
				'text-font': [MAP_FONT],
				'text-size': 10,
				'text-allow-overlap': true,
				'text-ignore-placement': true,
			},
			paint: { 'text-color': palette.background },
		},
		{
			id: 'person-label',
			type: 'symbol',
			source: PEOPLE_SOURCE,
			minzoom: 17.2,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [MAP_FONT],
				'text-size': 11,
				'text-offset': [0, 1.5],
				'text-anchor': 'top',
				'text-optional': true,
			},
			paint: {
				'text-color': ['case', ['get', 'sos'], palette.sos, ['get', 'stale'], palette.minorLabel, palette.label],
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 1.4,
			},
		},
	];
}

function orderLayers(): LayerSpecification[] {
	return [
		{
			id: 'order-clusters',
			type: 'circle',
			source: ORDER_SOURCE,
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': [
					'case',
					['>', ['get', 'urgent'], 0],
					palette.urgent,
					['>', ['get', 'important'], 0],
					palette.important,
					palette.general,
				],
				'circle-opacity': 0.85,
				'circle-radius': ['step', ['get', 'point_count'], 14, 5, 18, 15, 24],
				'circle-stroke-color': ['case', ['>', ['get', 'breached'], 0], palette.breached, palette.background],
				'circle-stroke-width': 3,
			},
		},
		{
			id: 'order-cluster-count',
			type: 'symbol',
			source: ORDER_SOURCE,
			filter: ['has', 'point_count'],
			layout: {
				'text-field': ['to-string', ['get', 'point_count']],
				'text-font': [MAP_FONT],
				'text-size': 13,
				'text-allow-overlap': true,
			},
			paint: { 'text-color': '#0a0f15' },
		},
		{
			id: 'order-pulse',
			type: 'circle',
			source: ORDER_SOURCE,
			filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'sla'], 'breached']],
			paint: {
				'circle-radius': 14,
				'circle-color': palette.breached,
				'circle-opacity': 0.35,
				'circle-blur': 0.4,
			},
		},
		{
			id: 'order-ring',
			type: 'circle',
			source: ORDER_SOURCE,
			filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 15, 12],
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-color': SLA_COLOR,
				'circle-stroke-width': 3,
			},
		},
		{
			id: 'order-dot',
			type: 'circle',
			source: ORDER_SOURCE,
			filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-radius': 7,
				'circle-color': URGENCY_COLOR,
				'circle-stroke-color': palette.background,
				'circle-stroke-width': 1.5,
			},
		},
		{
			id: 'order-label',
			type: 'symbol',
			source: ORDER_SOURCE,
			minzoom: 17.6,
			filter: ['!', ['has', 'point_count']],
			layout: {
				'text-field': ['get', 'code'],
				'text-font': [MAP_FONT],
				'text-size': 11,
				'text-offset': [0, 1.6],
				'text-anchor': 'top',
			},
			paint: { 'text-color': palette.label, 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.4 },
		},
	];
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

/**
 * The whole map style, built in code from the estate's own site plan: no tiles, glyphs, sprites or
 * anything else from outside our origin. Orders, people, checkpoints and cleaning zones start empty and are
 * fed live.
 */
export function buildMapStyle(
	estate: Estate,
	sitePlan: SitePlan,
	fontFaces: FontFacesSpecification,
): StyleSpecification {
	return {
		version: 8,
		name: estate.name,
		center: estate.centre,
		zoom: 17,
		'font-faces': fontFaces,
		sources: {
			estate: {
				type: 'geojson',
				data: {
					type: 'Feature',
					properties: {},
					geometry: estate.boundary,
				} as GeoJSONSourceSpecification['data'],
			},
			site: { type: 'geojson', data: sitePlan as GeoJSONSourceSpecification['data'] },
			[ORDER_SOURCE]: {
				type: 'geojson',
				data: emptyCollection,
				cluster: true,
				clusterRadius: 36,
				clusterMaxZoom: 17,
				clusterProperties: {
					urgent: ['+', ['case', ['==', ['get', 'urgency'], 'urgent'], 1, 0]],
					important: ['+', ['case', ['==', ['get', 'urgency'], 'important'], 1, 0]],
					breached: ['+', ['case', ['==', ['get', 'sla'], 'breached'], 1, 0]],
				},
			},
			[ZONE_SOURCE]: { type: 'geojson', data: emptyCollection },
			[CHECKPOINT_SOURCE]: { type: 'geojson', data: emptyCollection },
			[TRACK_SOURCE]: { type: 'geojson', data: emptyCollection, lineMetrics: true },
			[PEOPLE_SOURCE]: { type: 'geojson', data: emptyCollection },
		},
		// People on top: an SOS must never hide under an order or a checkpoint.
		layers: [...siteLayers(), ...checkpointLayers(), ...orderLayers(), ...peopleLayers()],
	};
}
