import type { PChartRow, RepairSeriesRow } from '$lib/domain/metrics/defects';
import { westernElectricRules } from './western-electric';

/**
 * A p-chart with per-month limits (the subgroup size, units in warranty, changes month to month).
 * Charted months are those with units in warranty; a month without them has no rate, so it gets
 * null p/limits, no rules, and does not break or extend a run for the rules.
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
		const z = sigma > 0 ? (p - center!) / sigma : p === center ? 0 : Math.sign(p - center!) * Infinity;
		return { month: m.month, p, sigma, z };
	});
	const rules = westernElectricRules(points.map((pt) => pt.z));
	const byMonth = new Map(points.map((pt, i) => [pt.month, { ...pt, rules: rules[i] }]));

	return series.map(({ month, repairs, units_in_warranty }) => {
		const base = { month, repairs, units_in_warranty };
		const pt = byMonth.get(month);
		if (!pt || center === null) return { ...base, p: null, center, ucl: null, lcl: null, rules: [] };
		return {
			...base,
			p: pt.p,
			center,
			ucl: center + 3 * pt.sigma,
			lcl: Math.max(0, center - 3 * pt.sigma),
			rules: pt.rules
		};
	});
}
