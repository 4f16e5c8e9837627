import { z } from 'zod';

/**
 * Text that an administrator types into a template (a criterion's label, a template's name). It lives in
 * data, not in an app's message catalogue, so it carries its own translations; zh-Hant falls back to
 * zh-Hans when absent.
 */
export const LocalizedText = z.object({
	'zh-Hans': z.string().trim().min(1).max(200),
	'zh-Hant': z.string().trim().min(1).max(200).optional(),
	en: z.string().trim().min(1).max(200),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
