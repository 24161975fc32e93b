/**
 * Western Electric run rules 1–4 on a series of standardised values z = (p − centre) / σ.
 * Pure, so the rules can be tested on hand-built series apart from any data.
 *
 * A point is flagged with the rules it completes: the point itself is part of the pattern (for
 * rules 2 and 3 it must itself lie beyond the band on the pattern's side). Without that, every
 * point after a pattern would be flagged again while the old hits stay inside the window.
 *
 * Rules 2–4 judge full windows only (2 of 3, 4 of 5, 8 in a row), as qcc's
 * qccRulesViolatingWER2–4 and the textbooks do: the first points of a series have no window yet,
 * and two high points out of two are not the "2 of 3" pattern the rule's false-alarm rate is for.
 */

import type { WesternElectricRule } from '$lib/domain/metrics/defects';

/** The last `n` points up to `i` (this one included); null while the series is shorter than `n`. */
function lastN(z: readonly number[], i: number, n: number): readonly number[] | null {
	return i + 1 < n ? null : z.slice(i - n + 1, i + 1);
}

/** k of the last n points (this one included) beyond `limit` σ on one side. */
function kOfLastN(z: readonly number[], i: number, k: number, n: number, limit: number): boolean {
	const window = lastN(z, i, n);
	if (!window) return false;
	const above = (v: number) => v > limit;
	const below = (v: number) => v < -limit;
	return (
		(above(z[i]) && window.filter(above).length >= k) || (below(z[i]) && window.filter(below).length >= k)
	);
}

/** The last `n` points (this one included) all strictly above or all strictly below the centre. */
function runOnOneSide(z: readonly number[], i: number, n: number): boolean {
	const window = lastN(z, i, n);
	return !!window && (window.every((v) => v > 0) || window.every((v) => v < 0));
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
