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
	it('say what is wrong in either language, the English words as before, and both where unknown', async () => {
		const cases: [string, Parameters<typeof runMetric>[2], string, string][] = [
			[
				'cost.monthly',
				{ from: '2024-02-30', filters: {} },
				'--from must be a date YYYY-MM-DD, got "2024-02-30"',
				'--from 须为日期 YYYY-MM-DD，收到 "2024-02-30"'
			],
			[
				'cost.monthly',
				{ from: '2024-03-01', to: '2024-02-01', filters: {} },
				'--from is after --to',
				'--from 晚于 --to'
			],
			[
				'cost.monthly',
				{ by: 'region', filters: {} },
				'cost.monthly does not accept --by',
				'cost.monthly 不接受 --by'
			],
			[
				'cost.monthly',
				{ filters: { supplier: ['S'] } },
				'cost.monthly accepts the filters model, category, region, in_warranty; not "supplier"',
				'cost.monthly 可用的筛选为 model, category, region, in_warranty；不能是 "supplier"'
			]
		];
		for (const [id, query, en, zh] of cases) {
			const error = await refusal(id, query);
			expect(error.in('en')).toBe(en);
			expect(error.in('zh-CN')).toBe(zh);
			expect(error.message).toBe(`${zh} / ${en}`);
		}
		expect((await refusal('no.such', { filters: {} })).in('en')).toMatch(
			/^Unknown metric "no.such". Metrics: defects.monthly, /
		);
		expect((await refusal('defects.pareto', { by: 'colour', filters: {} })).in('en')).toMatch(
			/^defects.pareto accepts --by defect_code, .*; not "colour"$/
		);
	});
});
