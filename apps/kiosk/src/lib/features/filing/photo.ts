/** The longest side a photo is sent with: plenty for staff to see the problem, far below the 5 MB limit. */
const MAX_SIDE = 1600;

/**
 * A kiosk camera's photo made small enough to send quickly over a lobby's network: scaled to at most
 * 1600 px and re-encoded as JPEG. The original is kept when the browser cannot decode or encode it.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
	try {
		const bitmap = await createImageBitmap(file);
		const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
		if (scale === 1 && file.type === 'image/jpeg') return file;
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(bitmap.width * scale);
		canvas.height = Math.round(bitmap.height * scale);
		canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		bitmap.close();
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
		return blob ?? file;
	} catch {
		return file;
	}
}
