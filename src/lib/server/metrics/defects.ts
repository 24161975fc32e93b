import type { AnyMetricDefinition } from './definition';
import { misTriangle } from './defects-mis';
import { pareto, PARETO_DIMENSIONS, PARETO_FILTERS } from './defects-pareto';
import { inWarrantyCounts, monthlySeries } from './defects-series';
import { REPAIR_RATE_FILTERS } from './defects-sql';
import { pChart } from './stats/p-chart';

/**
 * The defects metric family. The SQL lives in the defects-*.ts modules, the statistics in stats/;
 * the definitions users read are in data/metrics.json.
 */
export const metrics = [
	{
		id: 'defects.monthly',
		rowPerMonth: {},
		dimensions: [],
		filters: REPAIR_RATE_FILTERS,
		uses: ['warranty_months_default', 'warranty_months'],
		async run(ctx) {
			return (await monthlySeries(ctx)).map((m) => ({
				...m,
				rate_per_1000: m.units_in_warranty > 0 ? (m.repairs_in_warranty * 1000) / m.units_in_warranty : null
			}));
		}
	},
	{
		id: 'defects.pareto',
		dimensions: PARETO_DIMENSIONS,
		filters: PARETO_FILTERS,
		uses: [],
		run: pareto
	},
	{
		id: 'defects.pchart',
		dimensions: [],
		filters: REPAIR_RATE_FILTERS,
		uses: ['warranty_months_default', 'warranty_months'],
		run: async (ctx) => pChart(inWarrantyCounts(await monthlySeries(ctx)))
	},
	{
		id: 'defects.mis',
		dimensions: [],
		filters: REPAIR_RATE_FILTERS,
		uses: [],
		run: misTriangle
	}
] satisfies AnyMetricDefinition[];
