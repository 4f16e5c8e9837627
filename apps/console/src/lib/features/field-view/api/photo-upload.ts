import { z } from 'zod';
import { parseProblem } from '$lib/api/http';
import type { ApiResult, Fetch } from '$lib/api/http';

/** A stored photo as the api answers an upload. */
export const StoredPhoto = z.object({
	id: z.string(),
	contentType: z.string(),
	sizeBytes: z.number(),
});
export type StoredPhoto = z.infer<typeof StoredPhoto>;

export type PhotoUploader = (path: string, photo: Blob, caption?: string) => Promise<ApiResult<unknown>>;

/**
 * Posts one photo as `multipart/form-data` (field `photo`), the one kind of body the console's JSON client
 * does not send. Failures are values, as with every api call of the console.
 */
export function photoUploader(deps: { fetch: Fetch; onUnauthenticated?: () => void }): PhotoUploader {
	return async (path, photo, caption) => {
		const form = new FormData();
		form.set('photo', photo, photo instanceof File ? photo.name : 'photo.jpg');
		if (caption?.trim()) form.set('caption', caption.trim());
		let response: Response;
		try {
			response = await deps.fetch(path, {
				method: 'POST',
				headers: { accept: 'application/json' },
				credentials: 'same-origin',
				cache: 'no-store',
				body: form,
			});
		} catch {
			return { ok: false, failure: { kind: 'network' } };
		}
		const body: unknown = await response.json().catch(() => null);
		if (!response.ok) {
			if (response.status === 401) deps.onUnauthenticated?.();
			return { ok: false, failure: { kind: 'problem', problem: parseProblem(response.status, body) } };
		}
		return { ok: true, value: body };
	};
}

/** Reads an upload's answer with `schema`: an answer we cannot read is a failure like any other. */
export function readUpload<S extends z.ZodType>(
	result: ApiResult<unknown>,
	schema: S,
): ApiResult<z.output<S>> {
	if (!result.ok) return result;
	const parsed = schema.safeParse(result.value);
	return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'invalid' } };
}

/** The longest side a photo keeps: plenty to see a leak or a broken lamp, and well under the api's 5 MB. */
const MAX_SIDE = 1600;

/**
 * A phone camera's photo made small enough to send over a weak connection: scaled to at most 1600 px and
 * re-encoded as JPEG. Anything the browser cannot decode is sent as it is (the api judges it).
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
	if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
	try {
		const bitmap = await createImageBitmap(file);
		const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
		if (scale === 1 && file.size < 1_500_000) {
			bitmap.close();
			return file;
		}
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(bitmap.width * scale);
		canvas.height = Math.round(bitmap.height * scale);
		canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		bitmap.close();
		const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.82));
		return blob ?? file;
	} catch {
		return file;
	}
}
