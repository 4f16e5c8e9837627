import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PHOTO_MAX_BYTES } from '../../services/attachment.service';
import type { AppEnv } from '../app-env';
import { problemContent } from '../openapi-router';
import { problem, problemResponse } from '../problem';

/** Room for the multipart envelope around a photo of the largest allowed size. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Refuses a body larger than a photo may be (413 problem+json) while it streams in, before anything is parsed
 * or stored; the service checks the photo's own size exactly.
 */
export const photoBodyLimit = (): MiddlewareHandler<AppEnv> =>
	bodyLimit({
		maxSize: PHOTO_MAX_BYTES + ENVELOPE_BYTES,
		onError: (c) =>
			problemResponse(
				problem(413, 'Content Too Large', {
					detail: `A photo may be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`,
					code: 'ATTACHMENT.TOO_LARGE',
					errors: [{ path: 'photo', message: 'too large' }],
					details: { maxBytes: PHOTO_MAX_BYTES },
					requestId: c.get('requestId'),
				}),
			),
	});

/** `multipart/form-data` with the file in `photo`; JPEG, PNG or WebP by its bytes, whatever its declared type. */
export const PhotoUploadBody = z.object({
	photo: z
		.instanceof(File, { message: 'attach the photo as a file in the field "photo"' })
		.openapi({ type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 5 MB' }),
	caption: z.string().trim().max(200).optional(),
});

export const AttachmentView = z
	.object({
		id: z.string(),
		contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
		sizeBytes: z.number().int(),
		sha256: z.string(),
	})
	.openapi('Attachment');

export const photoBytes = async (file: File): Promise<Buffer> => Buffer.from(await file.arrayBuffer());

/** What a client is told of a stored photo: never its bytes or storage key. */
export const attachmentViewOf = (stored: {
	readonly id: string;
	readonly contentType: string;
	readonly sizeBytes: number;
	readonly sha256: string;
}): z.infer<typeof AttachmentView> => ({
	id: stored.id,
	// The service stores only what checkPhoto recognised, so the type is one of the three.
	contentType: stored.contentType as z.infer<typeof AttachmentView>['contentType'],
	sizeBytes: stored.sizeBytes,
	sha256: stored.sha256,
});

/**
 * The `POST …/photos` route of an area whose records a photo is attached to later by id (a patrol finding, a
 * finished cleaning round): the same body, limit and answers everywhere, the area's own tags and guard.
 */
export const unattachedPhotoRoute = (options: {
	readonly tags: string[];
	readonly summary: string;
	/** Who may upload: the permission that lets them file the record the photo is for. */
	readonly guard: MiddlewareHandler<AppEnv>;
}) =>
	createRoute({
		method: 'post',
		path: '/photos',
		tags: options.tags,
		summary: options.summary,
		middleware: [options.guard, photoBodyLimit()] as const,
		request: { body: { content: { 'multipart/form-data': { schema: PhotoUploadBody } }, required: true } },
		responses: {
			201: { description: 'Stored', content: { 'application/json': { schema: AttachmentView } } },
			400: problemContent('No photo in the form'),
			401: problemContent('Not signed in'),
			403: problemContent('Not allowed'),
			413: problemContent('Larger than 5 MB'),
			415: problemContent('Not a JPEG, PNG or WebP image'),
		},
	});
