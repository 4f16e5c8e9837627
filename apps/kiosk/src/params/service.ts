import type { ParamMatcher } from '@sveltejs/kit';
import { isService } from '$lib/features/services/services';
import type { Service } from '$lib/features/services/services';

export const match = ((param: string): param is Service => isService(param)) satisfies ParamMatcher;
