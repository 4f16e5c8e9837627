import { palette } from './map-palette';
import { HEADING_IMAGES } from './map-style';

/** Device pixels per CSS pixel of the heading images: crisp on the wall's large screens too. */
const PIXEL_RATIO = 2;
const SIZE = 44 * PIXEL_RATIO;

/**
 * A beam pointing north from the centre of a person's dot, in one colour; the map rotates it by the device's
 * heading. Drawn here rather than loaded: the map loads nothing from outside our origin, and a sprite sheet
 * for four wedges would be more to keep than these lines.
 */
function beam(color: string): ImageData | null {
	const canvas = document.createElement('canvas');
	canvas.width = SIZE;
	canvas.height = SIZE;
	const context = canvas.getContext('2d');
	if (!context) return null;
	const centre = SIZE / 2;
	const gradient = context.createLinearGradient(centre, 2, centre, centre);
	gradient.addColorStop(0, color);
	gradient.addColorStop(1, `${color}00`);
	context.fillStyle = gradient;
	context.beginPath();
	context.moveTo(centre, 2 * PIXEL_RATIO);
	context.lineTo(centre - 9 * PIXEL_RATIO, centre);
	context.lineTo(centre + 9 * PIXEL_RATIO, centre);
	context.closePath();
	context.fill();
	return context.getImageData(0, 0, SIZE, SIZE);
}

/** Adds the heading beams to a map that has loaded its style (and again after a style reload). */
export function addHeadingImages(map: {
	hasImage(id: string): boolean;
	addImage(id: string, image: ImageData, options: { pixelRatio: number }): void;
}): void {
	const colours: Record<keyof typeof HEADING_IMAGES, string> = {
		guard: palette.guard,
		cleaner: palette.cleaner,
		technician: palette.technician,
		stale: palette.stale,
	};
	for (const [key, id] of Object.entries(HEADING_IMAGES) as [keyof typeof HEADING_IMAGES, string][]) {
		if (map.hasImage(id)) continue;
		const image = beam(colours[key]);
		if (image) map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
	}
}
