import type { ParamMatcher } from '@sveltejs/kit';

/** A positive whole number (ids and version numbers in page URLs). */
export const match = ((param: string) => /^[1-9]\d{0,8}$/.test(param)) satisfies ParamMatcher;
