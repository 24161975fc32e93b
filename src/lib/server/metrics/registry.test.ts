import { describe, expect, it } from 'vitest';
import type { Database } from '../db/connection';
import { MetricQueryError } from './errors';
import { runMetric } from './registry';

// Each request below is refused before the database is read.
const db = {} as Database;

async function refusal(id: string, query: Parameters<typeof runMetric>[2]): Promise<MetricQueryError> {
	const error = await runMetric(db, id, query).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(MetricQueryError);
	return error as MetricQueryError;
}

describe('runMetric refusals', () => {
	it('say the same words as before in the CLI and in either language', async () => {
		const cases: [string, Parameters<typeof runMetric>[2], string][] = [
			[
				'cost.monthly',
				{ from: '2024-02-30', filters: {} },
				'--from must be a date YYYY-MM-DD, got "2024-02-30"'
			],
			['cost.monthly', { from: '2024-03-01', to: '2024-02-01', filters: {} }, '--from is after --to'],
			['cost.monthly', { by: 'region', filters: {} }, 'cost.monthly does not accept --by'],
			[
				'cost.monthly',
				{ filters: { supplier: ['S'] } },
				'cost.monthly accepts the filters model, category, region, in_warranty; not "supplier"'
			]
		];
		for (const [id, query, text] of cases) {
			const error = await refusal(id, query);
			expect(error.message).toBe(text);
			expect(error.in('zh-CN')).toBe(text);
			expect(error.in('en')).toBe(text);
		}
		expect((await refusal('no.such', { filters: {} })).message).toMatch(
			/^Unknown metric "no.such". Metrics: defects.monthly, /
		);
		expect((await refusal('defects.pareto', { by: 'colour', filters: {} })).message).toMatch(
			/^defects.pareto accepts --by defect_code, .*; not "colour"$/
		);
	});
});
