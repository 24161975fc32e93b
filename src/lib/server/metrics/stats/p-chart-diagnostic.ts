/**
 * Are a p-chart's binomial limits too narrow? After Minitab's P Chart Diagnostic (Minitab Help,
 * "Methods and formulas for P Chart Diagnostic"): the ratio of the observed variation of the
 * arcsine-transformed proportions to the variation the binomial distribution expects, compared
 * with a 95% upper limit. Above the limit the data are overdispersed and the Laney p′ chart fits.
 *
 * As Minitab: the transformed value X has standard deviation 1/(2√n̄) under the binomial (n̄ the
 * mean units in warranty); the observed variation is 1/slope of the least-squares line of the
 * normal scores (Blom) on X, fitted on the middle 50% of X (25th to 75th percentile), so a few
 * special-cause months do not make it.
 *
 * Our own parts (Minitab's help shows its formulas for these steps as images we could not read): X = arcsin √((d + 3/8) /
 * (n + 3/4)) (Anscombe's variance-stabilising form, steadier than arcsin √p for small counts),
 * moved towards the centre's X by √(n_i/n̄) so that a month with fewer units in warranty counts as
 * if it had the average; and the 95% upper limit exp(1.645·√(c/m)) for m months, from the
 * large-sample variance c/m of the log of the slope (c = 1.6297: the Brownian-bridge variance of
 * the normal quantiles between 25% and 75% under their least-squares weights), so no simulation is
 * needed. Checked by simulating in-control binomial months (m 8 … 60, n 100 … 80 000, p 0.2–2%):
 * the ratio exceeds the limit in 1–6% of the series.
 */

import { normalQuantile } from './normal';

/** The limit is checked from this many months; fewer give no diagnostic (the classic chart stays). */
export const DIAGNOSTIC_MIN_MONTHS = 8;
const SLOPE_LOG_VARIANCE = 1.6297;
const Z_95 = 1.6448536269514722;

export interface Dispersion {
	/** Observed ÷ expected variation; 1 is binomial. */
	ratio: number;
	/** Its 95% upper limit: a ratio above it means overdispersion. */
	limit: number;
}

interface Month {
	repairs: number;
	units_in_warranty: number;
}

/** Blom's normal scores Φ⁻¹((r − 3/8)/(m + 1/4)), tied values sharing their mean rank. */
function normalScores(x: readonly number[]): number[] {
	const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
	const scores = new Array<number>(x.length);
	for (let start = 0; start < order.length;) {
		let end = start;
		while (end + 1 < order.length && x[order[end + 1]] === x[order[start]]) end++;
		const rank = (start + end) / 2 + 1;
		const score = normalQuantile((rank - 3 / 8) / (x.length + 1 / 4));
		for (let k = start; k <= end; k++) scores[order[k]] = score;
		start = end + 1;
	}
	return scores;
}

/** The q-th percentile at position q(m + 1) of the sorted values, interpolated (Minitab's rule). */
function percentile(sorted: readonly number[], q: number): number {
	const position = q * (sorted.length + 1);
	if (position <= 1) return sorted[0];
	if (position >= sorted.length) return sorted[sorted.length - 1];
	const k = Math.floor(position);
	return sorted[k - 1] + (position - k) * (sorted[k] - sorted[k - 1]);
}

/** The diagnostic of the charted months around `center`; null with too few months or no spread. */
export function pChartDiagnostic(months: readonly Month[], center: number): Dispersion | null {
	const m = months.length;
	if (m < DIAGNOSTIC_MIN_MONTHS || !(center > 0 && center < 1)) return null;
	const nBar = months.reduce((sum, pt) => sum + pt.units_in_warranty, 0) / m;
	// Repairs can outnumber units in warranty on real data; the arcsine needs its argument ≤ 1.
	const transform = (d: number, n: number) => Math.asin(Math.sqrt(Math.min(1, (d + 3 / 8) / (n + 3 / 4))));
	const base = transform(center * nBar, nBar);
	const x = months.map(
		({ repairs, units_in_warranty: n }) => base + (transform(repairs, n) - base) * Math.sqrt(n / nBar)
	);
	const y = normalScores(x);
	const sorted = [...x].sort((a, b) => a - b);
	const low = percentile(sorted, 0.25);
	const high = percentile(sorted, 0.75);
	const middle = x.flatMap((v, i) => (v >= low && v <= high ? [[v, y[i]] as const] : []));
	const meanX = middle.reduce((sum, [v]) => sum + v, 0) / middle.length;
	const meanY = middle.reduce((sum, [, s]) => sum + s, 0) / middle.length;
	const sxx = middle.reduce((sum, [v]) => sum + (v - meanX) ** 2, 0);
	const sxy = middle.reduce((sum, [v, s]) => sum + (v - meanX) * (s - meanY), 0);
	if (!(sxx > 0 && sxy > 0)) return null;
	const observed = sxx / sxy;
	const expected = 1 / (2 * Math.sqrt(nBar));
	return { ratio: observed / expected, limit: Math.exp(Z_95 * Math.sqrt(SLOPE_LOG_VARIANCE / m)) };
}
