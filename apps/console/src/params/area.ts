import type { ParamMatcher } from '@sveltejs/kit';
import { isArea } from '$lib/features/shell/areas';
import type { Area } from '$lib/features/shell/areas';

export const match = ((param: string): param is Area => isArea(param)) satisfies ParamMatcher;
