import type { ParamMatcher } from '@sveltejs/kit';
import { COMING_SECTIONS } from '$lib/sections';

export const match = ((param: string) =>
	(COMING_SECTIONS as readonly string[]).includes(param)) satisfies ParamMatcher;
