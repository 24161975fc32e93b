import type { PChartRow, RepairSeriesRow } from '$lib/domain/metrics/defects';
import { pChartDiagnostic } from './p-chart-diagnostic';
import { westernElectricRules } from './western-electric';

/** Laney's unbiasing constant d2 for moving ranges of two. */
const D2 = 1.128;

/**
 * deviation / σ; with σ 0 (a band of no width) a point on the centre is 0 and any other point is
 * beyond every limit on its side.
 */
function standardise(deviation: number, sigma: number): number {
	if (sigma > 0) return deviation / sigma;
	return deviation === 0 ? 0 : Math.sign(deviation) * Infinity;
}

/** Laney's σ_z: the mean moving range of consecutive z-scores ÷ 1.128; null without two finite z. */
function laneySigmaZ(z: readonly number[]): number | null {
	if (z.length < 2 || !z.every(Number.isFinite)) return null;
	const ranges = z.slice(1).map((v, i) => Math.abs(v - z[i]));
	return ranges.reduce((sum, r) => sum + r, 0) / ranges.length / D2;
}

/**
 * A p-chart with per-month limits (the subgroup size, units in warranty, changes month to month),
 * and the Laney p′ chart (Laney 2002, "Improved control charts for attributes", Quality
 * Engineering 14(4)) on the same months: z_i = (p_i − p̄)/σ_pi, σ_z = mean moving range of z ÷ 1.128,
 * limits p̄ ± 3·σ_pi·σ_z. The p′ chart widens the binomial limits by the month-to-month variation
 * the binomial does not expect (with tens of thousands of units in warranty the binomial limits
 * are narrow); the diagnostic (p-chart-diagnostic.ts) says whether that is needed.
 *
 * Charted months are those with units in warranty; a month without them has no rate, so it gets
 * null p/limits, no rules, and does not break or extend a run for the rules, nor make a moving
 * range.
 */
export function pChart(series: readonly RepairSeriesRow[]): PChartRow[] {
	const charted = series.filter((m) => m.units_in_warranty > 0);
	const totalUnits = charted.reduce((sum, m) => sum + m.units_in_warranty, 0);
	const totalRepairs = charted.reduce((sum, m) => sum + m.repairs, 0);
	const center = totalUnits > 0 ? totalRepairs / totalUnits : null;

	const points = charted.map((m) => {
		const p = m.repairs / m.units_in_warranty;
		// center(1 − center) is 0 when there are no repairs at all (or repairs ≥ units on tiny data):
		// the band has no width, so only a point off the centre line is out of control.
		const sigma = Math.sqrt(Math.max(0, center! * (1 - center!)) / m.units_in_warranty);
		return { month: m.month, p, sigma, z: standardise(p - center!, sigma) };
	});
	const z = points.map((pt) => pt.z);
	const sigmaZ = laneySigmaZ(z);
	const rules = westernElectricRules(z);
	const rulesLaney = sigmaZ === null ? [] : westernElectricRules(z.map((v) => standardise(v, sigmaZ)));
	const byMonth = new Map(points.map((pt, i) => [pt.month, { ...pt, i }]));

	const diagnostic = center === null ? null : pChartDiagnostic(charted, center);
	const chart = diagnostic && sigmaZ !== null && diagnostic.ratio > diagnostic.limit ? 'laney' : 'p';
	const whole = {
		sigma_z: sigmaZ,
		dispersion_ratio: diagnostic?.ratio ?? null,
		dispersion_limit: diagnostic?.limit ?? null,
		chart
	} as const;

	return series.map(({ month, repairs, units_in_warranty }) => {
		const base = { month, repairs, units_in_warranty };
		const pt = byMonth.get(month);
		if (!pt || center === null) {
			const none = {
				p: null,
				ucl: null,
				lcl: null,
				rules: [],
				ucl_laney: null,
				lcl_laney: null,
				rules_laney: []
			};
			return { ...base, center, ...none, ...whole };
		}
		const widthLaney = sigmaZ === null ? null : 3 * pt.sigma * sigmaZ;
		return {
			...base,
			p: pt.p,
			center,
			ucl: center + 3 * pt.sigma,
			lcl: Math.max(0, center - 3 * pt.sigma),
			rules: rules[pt.i],
			ucl_laney: widthLaney === null ? null : center + widthLaney,
			lcl_laney: widthLaney === null ? null : Math.max(0, center - widthLaney),
			rules_laney: rulesLaney[pt.i] ?? [],
			...whole
		};
	});
}
