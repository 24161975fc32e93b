/**
 * Western Electric run rules 1–4 on a series of standardised values z = (p − centre) / σ.
 * Pure, so the rules can be tested on hand-built series apart from any data.
 *
 * A point is flagged with the rules it completes: the point itself is part of the pattern (for
 * rules 2 and 3 it must itself lie beyond the band on the pattern's side). Without that, every
 * point after a pattern would be flagged again while the old hits stay inside the window.
 */

import type { WesternElectricRule } from '$lib/domain/metrics/defects';

/** k of the last n points (this one included) beyond `limit` σ on one side. */
function kOfLastN(z: readonly number[], i: number, k: number, n: number, limit: number): boolean {
	const window = z.slice(Math.max(0, i - n + 1), i + 1);
	const above = (v: number) => v > limit;
	const below = (v: number) => v < -limit;
	// Near the start of the series fewer than n points exist; k hits among them still make the pattern.
	return (
		(above(z[i]) && window.filter(above).length >= k) || (below(z[i]) && window.filter(below).length >= k)
	);
}

/** The last `n` points (this one included) all strictly above or all strictly below the centre. */
function runOnOneSide(z: readonly number[], i: number, n: number): boolean {
	if (i + 1 < n) return false;
	const window = z.slice(i - n + 1, i + 1);
	return window.every((v) => v > 0) || window.every((v) => v < 0);
}

/** The rules each point completes, in rule order; `z` holds only charted points, in time order. */
export function westernElectricRules(z: readonly number[]): WesternElectricRule[][] {
	return z.map((value, i) => {
		const rules: WesternElectricRule[] = [];
		if (Math.abs(value) > 3) rules.push(1);
		if (kOfLastN(z, i, 2, 3, 2)) rules.push(2);
		if (kOfLastN(z, i, 4, 5, 1)) rules.push(3);
		if (runOnOneSide(z, i, 8)) rules.push(4);
		return rules;
	});
}
