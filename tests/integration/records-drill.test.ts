import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricQuery } from '../../src/lib/domain/metrics/query';
import type { UserError } from '../../src/lib/domain/errors';
import { parseRule, type RecordRule } from '../../src/lib/domain/metrics/record-rules';
import { monthRange } from '../../src/lib/components/metrics/drill';
import { recordsArrow, recordsCount } from '../../src/lib/server/metrics/records';
import { exportRecords } from '../../src/lib/server/metrics/records-export';
import { runMetric } from '../../src/lib/server/metrics/registry';
import { importDemoData } from '../helpers/demo-data';
import { tempDatabase } from '../helpers/temp-db';

/**
 * The drill-down contract on the demo data: the records a figure's request selects are as many as the
 * figure says, for every month of every rule-backed series; sorting; and the exports of a selection.
 */
let ctx: Awaited<ReturnType<typeof tempDatabase>>;
beforeAll(async () => {
	ctx = await tempDatabase();
	await importDemoData(ctx.db);
}, 180_000);
afterAll(() => ctx.remove());

const rows = async (id: string, query: MetricQuery = { filters: {} }) =>
	(await runMetric(ctx.db, id, query)).rows as Record<string, unknown>[];
const rule = (table: string, text: string) => parseRule(table, text) as RecordRule;
const count = (table: string, query: MetricQuery, rules: RecordRule[] = []) =>
	recordsCount(ctx.db, table, query, { rules });

/** Every month of a monthly metric: the figure `field` against the records of `rules` in that month. */
async function monthly(
	id: string,
	table: string,
	field: string,
	rules: string[],
	query: MetricQuery = { filters: {} }
) {
	const months = await rows(id, query);
	expect(months.length).toBeGreaterThan(6);
	const figures = months.map((m) => [m.month, Number(m[field])]);
	const counts = [];
	for (const m of months) {
		const range = monthRange(String(m.month), query);
		counts.push([
			m.month,
			await count(
				table,
				{ ...query, ...range },
				rules.map((r) => rule(table, r))
			)
		]);
	}
	expect(counts).toEqual(figures);
	expect(figures.some(([, n]) => Number(n) > 0)).toBe(true);
}

describe('a figure and the records behind it are equal', () => {
	it('repairs per month, in warranty, filtered by model', async () => {
		const query: MetricQuery = { filters: { model: ['KFR-35GW'] } };
		await monthly('defects.monthly', 'repairs', 'repairs', [], query);
		await monthly('defects.monthly', 'repairs', 'repairs_in_warranty', [], {
			filters: { ...query.filters, in_warranty: ['yes'] }
		});
	});

	it('returns by kind and handled within target', async () => {
		await monthly('returns.monthly', 'returns', 'exchanges', ['return_kind:exchange']);
		await monthly('returns.monthly', 'returns', 'refunds', ['return_kind:refund']);
		const months = await rows('returns.monthly');
		for (const m of months.slice(0, 3)) {
			const range = monthRange(String(m.month), {});
			const all = await count('returns', { filters: {}, ...range });
			const only = await count('returns', { filters: {}, ...range }, [
				rule('returns', 'return_kind:return_only')
			]);
			expect(only).toBe(Number(m.returns) - Number(m.exchanges) - Number(m.refunds));
			expect(all).toBe(Number(m.returns));
		}
	});

	it('complaints open, and the backlog by age', async () => {
		await monthly('complaints.sla', 'complaints', 'open', ['open']);
		const query: MetricQuery = { to: '2024-06-30', filters: {} };
		const buckets = await rows('complaints.backlog', query);
		const counts = [];
		for (const b of buckets)
			counts.push(await count('complaints', query, [rule('complaints', `backlog:${b.bucket}`)]));
		expect(counts).toEqual(buckets.map((b) => Number(b.complaints)));
	});

	it('survey answers per score', async () => {
		const query: MetricQuery = { from: '2024-01-01', to: '2024-12-31', filters: {} };
		const scores = await rows('satisfaction.distribution', query);
		const counts = [];
		for (const s of scores)
			counts.push(await count('surveys', query, [rule('surveys', `${s.scale}:${s.score}`)]));
		expect(counts).toEqual(scores.map((s) => Number(s.count)));
	});

	it('a months-in-service cell: the claims of its cohort up to that month', async () => {
		const all = await rows('defects.mis');
		const cells = all.filter((c) => Number(c.claims) > 0).slice(0, 5);
		expect(cells.length).toBeGreaterThan(0);
		for (const c of cells) {
			const upto = all.filter((o) => o.cohort === c.cohort && Number(o.mis) <= Number(c.mis));
			const rules = [rule('repairs', `sold_month:${c.cohort}`), rule('repairs', `mis_upto:${c.mis}`)];
			expect(await count('repairs', { filters: {} }, rules)).toBe(
				upto.reduce((s, o) => s + Number(o.claims), 0)
			);
		}
	});

	it('the first failures of a Weibull fit, all and in warranty', async () => {
		const query: MetricQuery = { to: '2025-06-30', filters: {} };
		const fits = (await rows('warranty.weibull', query)).filter((r) => Number(r.failures) > 0);
		expect(fits.length).toBeGreaterThan(0);
		for (const fit of fits) {
			const model = { to: query.to, filters: { model: [String(fit.product_model)] } };
			expect(await count('repairs', model, [rule('repairs', 'first_failure:all')])).toBe(
				Number(fit.failures)
			);
			expect(await count('repairs', model, [rule('repairs', 'first_failure:warranty')])).toBe(
				Number(fit.failures_in_warranty)
			);
		}
	});

	it('a blank bar of a breakdown', async () => {
		const bars = await rows('complaints.breakdown', { by: 'supplier', filters: {} });
		const blank = bars.find((b) => b.key === null);
		expect(blank).toBeDefined();
		expect(await count('complaints', { filters: {} }, [rule('complaints', 'blank:supplier')])).toBe(
			Number(blank!.count)
		);
	});

	it('a share: its met and missed records make the share and its denominator', async () => {
		const shares: [string, string, string, string, string, (m: Record<string, unknown>) => number][] = [
			[
				'repairs.turnaround',
				'repairs',
				'within_target_share',
				'within_target',
				'over_target',
				(m) => Number(m.repairs)
			],
			[
				'returns.monthly',
				'returns',
				'counter_within_target_share',
				'counter_ok',
				'counter_late',
				(m) => Number(m.returns) - Number(m.counter_pending)
			],
			[
				'returns.monthly',
				'returns',
				'inspection_within_target_share',
				'inspection_ok',
				'inspection_late',
				(m) => Number(m.returns) - Number(m.pending)
			],
			[
				'complaints.sla',
				'complaints',
				'response_within_target_share',
				'response_ok',
				'response_late',
				(m) => Number(m.complaints) - Number(m.response_pending)
			],
			[
				'complaints.sla',
				'complaints',
				'resolution_within_target_share',
				'resolution_ok',
				'resolution_late',
				(m) => Number(m.complaints) - Number(m.pending)
			],
			[
				'satisfaction.monthly',
				'surveys',
				'satisfied_share',
				'satisfied',
				'unsatisfied',
				(m) => Number(m.csat_answered)
			]
		];
		for (const [id, table, field, met, missed, denominator] of shares) {
			const months = (await rows(id)).filter((m) => m[field] !== null);
			// The last months hold the pending records: the share is of those known.
			for (const m of [...months.slice(0, 2), ...months.slice(-2)]) {
				const range = { filters: {}, ...monthRange(String(m.month), {}) };
				const ok = await count(table, range, [rule(table, met)]);
				const late = await count(table, range, [rule(table, missed)]);
				expect([id, field, m.month, ok + late]).toEqual([id, field, m.month, denominator(m)]);
				expect(ok / (ok + late)).toBeCloseTo(Number(m[field]), 12);
			}
		}
	});

	it('refuses a rule of another table, a bad value and a column that is no filter', async () => {
		const refusal = (table: string, text: string) =>
			(parseRule(table, text) as { error: UserError }).error.message;
		expect(refusal('repairs', 'csat:4')).toMatch(
			/^repairs 可用的规则为 .*blank.*；没有 "csat" \/ repairs has the rules/
		);
		expect(refusal('surveys', 'csat:9')).toBe(
			'规则 csat：值 "9" 不符合 /^[1-5]$/ / rule csat: value "9" does not fit /^[1-5]$/'
		);
		await expect(count('repairs', { filters: {} }, [rule('repairs', 'blank:repair_id')])).rejects.toThrow(
			'规则 blank：没有名为 "repair_id" 的筛选列 / rule blank: no filter column "repair_id"'
		);
	});
});

describe('sorting', () => {
	it('sorts by any column, NULLs last, and refuses unknown columns', async () => {
		const page = (dir: 'asc' | 'desc') =>
			recordsArrow(
				ctx.db,
				'repairs',
				{ filters: {} },
				{ limit: 50, offset: 0, sort: { column: 'parts_cost', dir } }
			);
		const costs = (bytes: Uint8Array) =>
			tableFromIPC(bytes).getChild('parts_cost')!.toArray() as Float64Array;
		const asc = [...costs(await page('asc'))];
		const desc = [...costs(await page('desc'))];
		expect(asc).toEqual([...asc].sort((a, b) => a - b));
		expect(desc).toEqual([...desc].sort((a, b) => b - a));
		expect(desc[0]).toBeGreaterThan(asc[0]);
		await expect(
			recordsArrow(
				ctx.db,
				'repairs',
				{ filters: {} },
				{ limit: 1, offset: 0, sort: { column: 'x; DROP', dir: 'asc' } }
			)
		).rejects.toThrow(/can be sorted by/);
	});
});

const download = (body: ReadableStream<Uint8Array>): Promise<ArrayBuffer> => new Response(body).arrayBuffer();

describe('export of a selection', () => {
	const query: MetricQuery = { from: '2024-01-01', to: '2024-12-31', filters: {} };

	it('CSV: BOM, a header in the locale, every record, formulas neutralised', async () => {
		await ctx.db.write((conn) =>
			conn.run(`UPDATE repairs SET symptom = '=HYPERLINK("http://x")' WHERE repair_id = (
				SELECT min(repair_id) FROM repairs WHERE received_at >= DATE '2024-01-01' AND received_at < DATE '2025-01-01')`)
		);
		const file = await exportRecords(ctx.db, 'repairs', query, {
			format: 'csv',
			locale: 'zh-CN',
			today: '2026-12-05'
		});
		expect(file.fileName).toBe('repairs-2026-12-05.csv');
		const bytes = Buffer.from(await download(file.body));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		const [header, ...data] = parsed.data;
		expect(header[0]).toBe('维修单号');
		expect(data.length).toBe(file.count);
		expect(file.count).toBe(await count('repairs', query));
		expect(file.count).toBeGreaterThan(20_000 / 4);
		const symptom = header.indexOf('故障现象');
		expect(data.filter((r) => r[symptom].startsWith("'=HYPERLINK"))).toHaveLength(1);
		expect(data.some((r) => r[symptom].startsWith('='))).toBe(false);
	});

	it('XLSX: typed cells under a bold frozen header, only the chosen columns in table order', async () => {
		const columns = ['repair_id', 'received_at', 'parts_cost', 'in_warranty'];
		const file = await exportRecords(ctx.db, 'repairs', query, {
			format: 'xlsx',
			locale: 'en',
			today: '2026-12-05',
			columns,
			sort: { column: 'parts_cost', dir: 'desc' }
		});
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await download(file.body));
		const sheet = book.worksheets[0];
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getRow(1).font?.bold).toBe(true);
		expect(sheet.getRow(1).values).toEqual([undefined, 'Repair ID', 'Received', 'In warranty', 'Parts cost']);
		expect(sheet.rowCount - 1).toBe(file.count);
		const first = sheet.getRow(2);
		expect(typeof first.getCell(1).value).toBe('string');
		expect(first.getCell(2).value).toBeInstanceOf(Date);
		expect(typeof first.getCell(3).value).toBe('boolean');
		expect(typeof first.getCell(4).value).toBe('number');
		expect(Number(first.getCell(4).value)).toBeGreaterThanOrEqual(Number(sheet.getRow(3).getCell(4).value));
	});
});
