/**
 * The data set of the metrics benchmark (bench/metrics.ts): 5M repairs, 1M complaints, 1M surveys,
 * 500k returns and 4 years of monthly sales, generated directly in DuckDB SQL (range() and hash-based
 * pseudo-random values, so the same version always gives the same rows) into a database opened with
 * the product's `Database.open` (its schema and migrations), all in the canonical tables with
 * batch_id 1 (one import_batches row).
 *
 * What makes every metric do real work:
 * - Sales 2022-01 … 2025-12: 8 models × 5 regions × 3 channels a month, seasonal air conditioners,
 *   ~8 % growth a year (~1.2M units a month).
 * - Repairs 2023-01 … 2025-12. A repaired unit is drawn from the sales rows in proportion to units ×
 *   the chance to fail inside the repair window; its serial encodes model, sales month, region,
 *   channel and unit number (two draws of one unit are a real repeat), sold_at lies in its sales
 *   month, and the age at repair follows a Weibull life per model (β 1.2–1.6) with only 35 % of the
 *   failures after 12 months reaching the service network, so received_at is never before sold_at.
 *   ~13 % of repairs are explicit repeats (same serial 1–120 days after a first repair), 30k form a
 *   KFR-35GW spike in 2025-10 (the p-chart and the signals have something to flag), 1 % have no
 *   serial, 3 % no purchase date; costs, turnaround (some open), 200 service centres of 10 partners.
 * - Complaints, surveys, returns over 2023–2025 with growth, SLA times around their targets (some
 *   exactly on them, some missing), suppliers on service complaints and one escalating partner.
 * Rows are inserted in date order, as monthly imports would leave them.
 *
 *   npx tsx bench/metrics-data.ts [path]   (default bench/data/metrics-5m.duckdb)
 *
 * Over 300 lines: one SQL statement per generated table, each with the distributions it draws from.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Database } from '../src/lib/server/db/connection';
import { REBUILD_REPAIR_SEQUENCE_SQL } from '../src/lib/server/db/repair-sequence';
import type { Sql } from '../src/lib/server/db/sql';
import { cachedFile, ROOT } from './common';

export const METRICS_DATA = join(ROOT, 'bench', 'data', 'metrics-5m.duckdb');
/** Bump when the generated rows change, so that a cached file is rebuilt. */
const DATA_VERSION = 2;

export const SIZES = {
	repairs: 5_000_000,
	complaints: 1_000_000,
	surveys: 1_000_000,
	returns: 500_000
};
const SPIKE = 30_000;
const REPEATS = 640_000;
const BASE = SIZES.repairs - SPIKE - REPEATS;

export const START = '2023-01-01';
export const END = '2025-12-31';
const SALES_START = '2022-01-01';

/** Model, category, serial prefix, price, Weibull β, η (days), share of the unit sales. */
export const MODELS: [string, string, string, number, number, number, number][] = [
	['KFR-26GW', '空调', 'K26', 2399, 1.35, 2600, 0.14],
	['KFR-35GW', '空调', 'K35', 2799, 1.45, 2400, 0.18],
	['KFR-50LW', '空调', 'K50', 5299, 1.6, 2200, 0.08],
	['BCD-218', '冰箱', 'B21', 1699, 1.25, 3200, 0.15],
	['BCD-450W', '冰箱', 'B45', 3719, 1.3, 3000, 0.1],
	['XQG100', '洗衣机', 'XG1', 2599, 1.4, 2800, 0.14],
	['XQB80', '洗衣机', 'XB8', 1299, 1.2, 3400, 0.13],
	['JSQ-16', '热水器', 'J16', 1999, 1.5, 2500, 0.08]
];
export const REGIONS: [string, string, number][] = [
	['华东', 'E', 0.3],
	['华南', 'S', 0.22],
	['华北', 'N', 0.2],
	['西南', 'W', 0.15],
	['华中', 'C', 0.13]
];
const CHANNELS: [string, string, number][] = [
	['门店', 'M', 0.45],
	['线上商城', 'O', 0.4],
	['App', 'A', 0.15]
];
export const SUPPLIERS = [
	'安达服务',
	'华信维修',
	'恒通维保',
	'捷修科技',
	'优家服务',
	'速达家电服务',
	'蓝盾售后',
	'邦德服务',
	'佳联服务',
	'顺心维保'
];
const DEFECT_CATEGORIES = [
	'压缩机',
	'制冷系统',
	'电气控制',
	'噪音振动',
	'漏水',
	'电机',
	'传感器',
	'门封',
	'外观',
	'其他'
];
const SYMPTOMS = [
	'不制冷',
	'制冷效果差',
	'频繁停机',
	'显示故障代码',
	'无法开机',
	'异响',
	'运行噪音大',
	'漏水',
	'异味',
	'门关不严',
	'温度不稳定',
	'遥控失灵',
	'跳闸',
	'外壳破损',
	'指示灯闪烁'
];
const ROOT_CAUSES = [
	'压缩机启动电容损坏',
	'冷媒泄漏',
	'主板元件老化',
	'风扇叶片松动',
	'排水管堵塞',
	'电机轴承磨损',
	'温度传感器失效',
	'门封老化',
	'运输磕碰',
	'用户使用不当'
];
const COMPLAINT_CATEGORIES = [
	'产品质量',
	'维修质量',
	'上门超时',
	'服务态度',
	'配件费用',
	'退换货',
	'安装问题',
	'物流配送',
	'价格争议',
	'其他'
];
/** Complaint categories about a service partner: only these name a supplier. */
const SERVICE_CATEGORIES = [1, 2, 3, 4];
const COMPLAINT_CHANNELS = ['400热线', 'App', '线上商城', '门店', '12315热线', '微博'];
const SURVEY_CHANNELS = ['短信', '电话', 'App', '微信'];
const RETURN_REASONS = [
	'质量问题',
	'七天无理由',
	'与描述不符',
	'配件缺失',
	'物流损坏',
	'安装后不满意',
	'价格保护',
	'其他'
];

/** SQL text of a constant (our own values, never user input). */
const lit = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const list = (values: (string | number)[]) => `[${values.map(lit).join(', ')}]`;
const valuesTable = (name: string, columns: string[], rows: (string | number)[][]) =>
	`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM (VALUES ${rows
		.map((r, i) => `(${[i, ...r].map(lit).join(', ')})`)
		.join(', ')}) t(${columns.join(', ')})`;

/** The statements, in order; each is one step of the generation (timed separately). */
function statements(): [string, string][] {
	const months = `date_diff('month', DATE '${SALES_START}', DATE '${END}') + 1`;
	return [
		[
			'macros',
			`
-- hash(i, k) of DuckDB gives correlated streams for different k: one hash of a combined integer instead.
CREATE OR REPLACE TEMP MACRO u(i, k) AS CAST(hash(CAST(i AS BIGINT) * 1000003 + k) >> 11 AS DOUBLE) / 9007199254740992.0;
CREATE OR REPLACE TEMP MACRO pick(xs, i, k) AS xs[1 + CAST(floor(u(i, k) * len(xs)) AS INTEGER)];
CREATE OR REPLACE TEMP MACRO wf(t, b, e) AS 1 - exp(-pow(greatest(t, 0) / e, b));
CREATE OR REPLACE TEMP MACRO wg(t, b, e) AS
	CASE WHEN t <= 365 THEN wf(t, b, e) ELSE wf(365, b, e) + 0.35 * (wf(t, b, e) - wf(365, b, e)) END;
CREATE OR REPLACE TEMP MACRO wfinv(y, b, e) AS e * pow(-ln(1 - least(y, 0.999999999)), 1 / b);
CREATE OR REPLACE TEMP MACRO wginv(y, b, e) AS
	CASE WHEN y <= wf(365, b, e) THEN wfinv(y, b, e) ELSE wfinv(wf(365, b, e) + (y - wf(365, b, e)) / 0.35, b, e) END;
CREATE OR REPLACE TEMP MACRO ts(d, i, k, lo, span) AS
	CAST(d AS TIMESTAMP) + to_seconds(CAST(floor((lo + u(i, k) * span) * 3600) AS BIGINT));
`
		],
		[
			'dimensions',
			[
				valuesTable(
					'bm',
					['mi', 'model', 'category', 'code', 'price', 'beta', 'eta', 'share'],
					MODELS.map((m) => [...m])
				),
				valuesTable(
					'br',
					['ri', 'region', 'rcode', 'rshare'],
					REGIONS.map((r) => [...r])
				),
				valuesTable(
					'bc',
					['ci', 'channel', 'ccode', 'cshare'],
					CHANNELS.map((c) => [...c])
				)
			].join(';\n')
		],
		[
			'sales',
			`
CREATE OR REPLACE TEMP TABLE bs AS
SELECT row_number() OVER (ORDER BY period, mi, ri, ci) AS sid, *,
	CAST(units * price * (0.92 + 0.1 * u(k0, 2)) AS DECIMAL(18, 2)) AS revenue
FROM (
	SELECT p.period, m.mi, m.model, m.category, m.code, m.price, m.beta, m.eta, r.ri, r.region, r.rcode,
		c.ci, c.channel, c.ccode, p.x * 1000 + m.mi * 100 + r.ri * 10 + c.ci AS k0,
		greatest(1, CAST(round(1200000 * m.share * r.rshare * c.cshare
			* (1 + CASE WHEN m.category = '空调' THEN 0.6 ELSE 0.1 END * cos(2 * pi() * (month(p.period) - 7) / 12))
			* pow(1.08, date_diff('month', DATE '${SALES_START}', p.period) / 12.0)
			* CASE WHEN c.ci > 0 THEN 1 + 0.05 * date_diff('month', DATE '${SALES_START}', p.period) / 12.0 ELSE 1 END
			* (0.9 + 0.2 * u(p.x * 1000 + m.mi * 100 + r.ri * 10 + c.ci, 1))) AS INTEGER)) AS units
	FROM (SELECT x, CAST(DATE '${SALES_START}' + to_months(CAST(x AS INTEGER)) AS DATE) AS period FROM range(${months}) t(x)) p,
		bm m, br r, bc c
);
INSERT INTO sales SELECT period, model, category, region, channel, units, revenue, NULL, 1 FROM bs ORDER BY sid;
CREATE OR REPLACE TEMP TABLE bsw AS
SELECT *, sum(wt) OVER (ORDER BY sid) - wt AS cum_start FROM (
	SELECT *, units * (
		wg(date_diff('day', CAST(period + INTERVAL 14 DAY AS DATE), DATE '${END}') + 1, beta, eta)
		- wg(date_diff('day', CAST(period + INTERVAL 14 DAY AS DATE), DATE '${START}'), beta, eta)) AS wt
	FROM bs
);`
		],
		[
			'repairs: units drawn and aged',
			`
CREATE OR REPLACE TEMP TABLE rb AS
WITH c AS (
	SELECT i, u(i, 1) * (SELECT sum(wt) FROM bsw) AS pos FROM range(${BASE}) t(i)
), s AS (
	SELECT c.i, s.*, least(s.units - 1, CAST(floor((c.pos - s.cum_start) / s.wt * s.units) AS INTEGER)) AS unit,
		CAST(s.period + to_days(CAST(floor(u(c.i, 2) * day(last_day(s.period))) AS INTEGER)) AS DATE) AS sold
	FROM c ASOF JOIN bsw s ON c.pos >= s.cum_start
), a AS (
	SELECT *, greatest(0, date_diff('day', sold, DATE '${START}')) AS tmin,
		date_diff('day', sold, DATE '${END}') + 1 AS tmax
	FROM s
), g AS (
	SELECT *, least(tmax - 0.000001, greatest(tmin, wginv(
		wg(tmin, beta, eta) + u(i, 3) * (wg(tmax, beta, eta) - wg(tmin, beta, eta)), beta, eta))) AS age
	FROM a
)
SELECT i, mi, ri, ci, code || strftime(period, '%y%m') || rcode || ccode || lpad(CAST(unit AS VARCHAR), 6, '0') AS serial,
	sold, ts(sold + to_days(CAST(floor(age) AS INTEGER)), i, 4, 8, 12) AS received_at, 0 AS kind
FROM g;`
		],
		[
			'repairs: spike and repeats',
			`
INSERT INTO rb
SELECT ${BASE} + x AS i, 1 AS mi, CAST(floor(u(x, 41) * 5) AS INTEGER) AS ri, CAST(floor(u(x, 42) * 3) AS INTEGER) AS ci,
	NULL AS serial, CAST(d - to_days(CAST(60 + floor(u(x, 43) * 500) AS INTEGER)) AS DATE) AS sold,
	ts(d, x, 44, 8, 12) AS received_at, 1 AS kind
FROM (SELECT x, DATE '2025-10-01' + to_days(CAST(floor(u(x, 40) * 31) AS INTEGER)) AS d FROM range(${SPIKE}) t(x));
UPDATE rb SET serial = 'K35' || strftime(sold, '%y%m') || ['E', 'S', 'N', 'W', 'C'][ri + 1] || 'X'
	|| lpad(CAST(i - ${BASE} AS VARCHAR), 6, '0') WHERE kind = 1;
INSERT INTO rb
SELECT ${BASE + SPIKE} + row_number() OVER (ORDER BY i) - 1, mi, ri, ci, serial, sold, received_at, 2
FROM (
	SELECT i, mi, ri, ci, serial, sold,
		received_at + to_days(CAST(1 + floor(120 * pow(u(i, 21), 2)) AS INTEGER))
			+ to_seconds(CAST(floor((u(i, 22) - 0.5) * 6 * 3600) AS BIGINT)) AS received_at
	FROM rb WHERE kind = 0 AND u(i, 20) < 0.16
)
WHERE received_at < DATE '${END}' + INTERVAL 1 DAY
ORDER BY i LIMIT ${REPEATS};`
		],
		[
			'repairs: insert',
			`
INSERT INTO repairs
SELECT 'WX' || strftime(received_at, '%Y%m') || lpad(CAST(i AS VARCHAR), 8, '0') AS repair_id,
	received_at, m.model, m.category,
	CASE WHEN kind = 0 AND u(i, 30) < 0.01 THEN NULL ELSE serial END AS serial_no,
	['E', 'F', 'W', 'H'][list_position(['空调', '冰箱', '洗衣机', '热水器'], m.category)] || (d + 1) AS defect_code,
	${list(DEFECT_CATEGORIES)}[d + 1] AS defect_category,
	${list(SYMPTOMS)}[1 + (d + CAST(floor(u(i, 6) * 6) AS INTEGER)) % ${SYMPTOMS.length}] AS symptom,
	${list(ROOT_CAUSES)}[1 + (d + CAST(floor(u(i, 7) * 3) AS INTEGER)) % ${ROOT_CAUSES.length}] AS root_cause,
	completed_at,
	CASE WHEN u(i, 31) < 0.03 THEN NULL ELSE sold END AS sold_at,
	r.region, r.region || '服务站' || lpad(CAST(sc AS VARCHAR), 3, '0') AS service_center,
	${list(SUPPLIERS)}[1 + sc % ${SUPPLIERS.length}] AS supplier,
	date_diff('day', sold, CAST(received_at AS DATE)) <= 365 AS in_warranty,
	CASE WHEN u(i, 11) < 0.35 THEN 0 ELSE round(20 + 780 * pow(u(i, 12), 2), 2) END AS parts_cost,
	round(50 + 250 * u(i, 13)) AS labor_cost,
	CASE WHEN u(i, 14) < 0.5 THEN 0 ELSE round(20 + 80 * u(i, 15)) END AS logistics_cost,
	CASE WHEN u(i, 16) < 0.9 THEN 0 ELSE round(150 * u(i, 17), 2) END AS other_cost,
	CASE WHEN completed_at IS NULL THEN '维修中' ELSE '已完工' END AS status, NULL AS extra, 1 AS batch_id,
	false AS first_repair_of_unit, NULL AS next_repair_at
FROM (
	SELECT rb.*, CASE WHEN kind = 1 THEN 0 ELSE CAST(floor(10 * pow(u(i, 5), 2.2)) AS INTEGER) END AS d,
		rb.ri * 40 + CAST(floor(u(i, 18) * 40) AS INTEGER) AS sc,
		CASE WHEN u(i, 8) < 0.002 OR (received_at > DATE '${END}' - INTERVAL 14 DAY AND u(i, 8) < 0.5) THEN NULL
			ELSE received_at + to_seconds(CAST(3600 * CASE WHEN u(i, 9) < 0.82 THEN 2 + 94 * pow(u(i, 10), 1.5)
				ELSE 96 + 600 * u(i, 10) END AS BIGINT)) END AS completed_at
	FROM rb
) x JOIN bm m USING (mi) JOIN br r USING (ri)
ORDER BY received_at, i;`
		],
		// The rows bypass the importer, so the per-unit sequence it keeps is built here.
		['repairs: per-unit sequence', REBUILD_REPAIR_SEQUENCE_SQL],
		[
			'complaints',
			`
INSERT INTO complaints
SELECT 'TS' || strftime(received_at, '%Y%m') || lpad(CAST(i AS VARCHAR), 7, '0'), received_at,
	pick(${list(COMPLAINT_CHANNELS)}, i, 102), ${list(COMPLAINT_CATEGORIES)}[cat + 1],
	CASE WHEN u(i, 103) < 0.1 THEN '严重' WHEN u(i, 103) < 0.4 THEN '较重' ELSE '一般' END,
	CASE WHEN u(i, 104) < 0.05 THEN NULL ELSE ${list(MODELS.map((m) => m[0]))}[1 + CAST(floor(u(i, 105) * ${MODELS.length}) AS INTEGER)] END,
	CASE WHEN cat NOT IN (${SERVICE_CATEGORIES.join(', ')}) THEN NULL
		WHEN received_at >= DATE '2025-06-01' AND u(i, 106) < 0.15 THEN '${SUPPLIERS[6]}'
		ELSE pick(${list(SUPPLIERS)}, i, 107) END,
	pick(${list(REGIONS.map((r) => r[0]))}, i, 108), NULL,
	CASE WHEN u(i, 109) < 0.03 THEN NULL WHEN u(i, 109) < 0.05 THEN received_at + INTERVAL 4 HOUR
		ELSE received_at + to_seconds(CAST(3600 * CASE WHEN u(i, 110) < 0.87 THEN 0.05 + 3.95 * u(i, 111)
			ELSE 4 + 44 * u(i, 111) END AS BIGINT)) END,
	resolved_at, CASE WHEN resolved_at IS NULL THEN '处理中' ELSE '已办结' END, CASE WHEN u(i, 115) < 0.9 THEN 0 ELSE round(50 + 950 * u(i, 116), 2) END,
	CASE WHEN u(i, 117) < 0.2 THEN NULL ELSE 1 + CAST(floor(5 * pow(u(i, 118), 0.7)) AS INTEGER) END,
	'客户反映' || ${list(COMPLAINT_CATEGORIES)}[cat + 1] || '问题，工单' || lpad(CAST(i AS VARCHAR), 7, '0'),
	pick(['已安排专人跟进处理', '已完成退款', '已上门复检', '已致歉并补偿', '已更换配件'], i, 119), NULL, 1
FROM (
	SELECT *, CASE WHEN u(i, 112) < 0.04 OR (received_at > DATE '${END}' - INTERVAL 7 DAY AND u(i, 112) < 0.6) THEN NULL
		WHEN u(i, 112) < 0.06 THEN received_at + INTERVAL 48 HOUR
		ELSE received_at + to_seconds(CAST(3600 * CASE WHEN u(i, 113) < 0.88 THEN 1 + 47 * u(i, 114)
			ELSE 48 + 400 * u(i, 114) END AS BIGINT)) END AS resolved_at
	FROM (
		SELECT i, CAST(floor(10 * pow(u(i, 120), 1.3)) AS INTEGER) AS cat,
			ts(DATE '${START}' + to_days(CAST(floor(1096 * pow(u(i, 101), 0.85)) AS INTEGER)), i, 121, 8, 14) AS received_at
		FROM range(${SIZES.complaints}) t(i)
	)
)
ORDER BY received_at, i;`
		],
		[
			'surveys',
			`
INSERT INTO surveys
SELECT 'HF' || lpad(CAST(i AS VARCHAR), 8, '0'), responded_at,
	CASE WHEN u(i, 202) < 0.08 THEN NULL WHEN u(i, 203) < 0.45 THEN 5 WHEN u(i, 203) < 0.75 THEN 4
		WHEN u(i, 203) < 0.87 THEN 3 WHEN u(i, 203) < 0.94 THEN 2 ELSE 1 END,
	CASE WHEN u(i, 204) < 0.12 THEN NULL ELSE least(10, CAST(floor(11 * pow(u(i, 205), 0.55)) AS INTEGER)) END,
	pick(${list(SURVEY_CHANNELS)}, i, 206),
	'WX' || strftime(responded_at, '%Y%m') || lpad(CAST(CAST(floor(u(i, 207) * ${SIZES.repairs}) AS BIGINT) AS VARCHAR), 8, '0'),
	pick(${list(MODELS.map((m) => m[0]))}, i, 208), pick(${list(REGIONS.map((r) => r[0]))}, i, 209),
	CASE WHEN u(i, 210) < 0.1 THEN pick(['师傅很专业', '上门准时', '等配件太久', '态度一般', '收费不透明'], i, 211) END,
	NULL, 1
FROM (
	SELECT i, ts(DATE '${START}' + to_days(CAST(floor(1096 * pow(u(i, 201), 0.85)) AS INTEGER)), i, 212, 9, 12) AS responded_at
	FROM range(${SIZES.surveys}) t(i)
)
ORDER BY responded_at, i;`
		],
		[
			'returns',
			`
INSERT INTO returns
SELECT 'TH' || strftime(requested_at, '%Y%m') || lpad(CAST(i AS VARCHAR), 7, '0'), requested_at, m.model,
	'DD' || lpad(CAST(hash(i, 2) % 100000000000 AS VARCHAR), 11, '0'), rtype,
	'R0' || (reason + 1), ${list(RETURN_REASONS)}[reason + 1],
	CASE WHEN u(i, 303) < 0.05 THEN 2 ELSE 1 END,
	CASE WHEN rtype = 'exchange' THEN 0 WHEN reason = 6 THEN round(m.price * 0.1, 2) ELSE m.price END,
	CAST(requested_at - to_days(CAST(floor(30 * pow(u(i, 304), 2)) AS INTEGER)) AS DATE),
	CASE WHEN u(i, 305) < 0.02 THEN NULL WHEN u(i, 305) < 0.04 THEN requested_at + INTERVAL 10 MINUTE
		ELSE requested_at + to_seconds(CAST(60 * CASE WHEN u(i, 306) < 0.9 THEN 1 + 9 * u(i, 307) ELSE 10 + 50 * u(i, 307) END AS BIGINT)) END,
	CASE WHEN rtype = 'refund' THEN NULL WHEN u(i, 308) < 0.02 THEN requested_at + INTERVAL 30 MINUTE
		ELSE requested_at + to_seconds(CAST(60 * CASE WHEN u(i, 309) < 0.85 THEN 5 + 25 * u(i, 310) ELSE 30 + 150 * u(i, 310) END AS BIGINT)) END,
	CASE WHEN u(i, 311) < 0.01 THEN NULL ELSE requested_at + to_seconds(CAST(86400 * (1 + 9 * u(i, 312)) AS BIGINT)) END,
	c.channel, r.region, r.region || '体验店' || lpad(CAST(CAST(floor(u(i, 313) * 12) AS INTEGER) AS VARCHAR), 2, '0'),
	CASE WHEN u(i, 314) < 0.3 THEN NULL ELSE pick(${list(SUPPLIERS)}, i, 315) END,
	CASE WHEN reason = 0 THEN u(i, 316) < 0.8 WHEN u(i, 316) < 0.5 THEN NULL ELSE false END,
	NULL, 1
FROM (
	SELECT i, CAST(floor(u(i, 320) * ${MODELS.length}) AS INTEGER) AS mi, CAST(floor(u(i, 321) * 5) AS INTEGER) AS ri,
		CAST(floor(u(i, 322) * 3) AS INTEGER) AS ci, CAST(floor(8 * pow(u(i, 323), 1.5)) AS INTEGER) AS reason,
		CASE WHEN u(i, 324) < 0.6 THEN 'return' WHEN u(i, 324) < 0.85 THEN 'exchange' ELSE 'refund' END AS rtype,
		ts(DATE '${START}' + to_days(CAST(floor(1096 * pow(u(i, 301), 0.85)) AS INTEGER)), i, 325, 9, 13) AS requested_at
	FROM range(${SIZES.returns}) t(i)
) x JOIN bm m USING (mi) JOIN br r USING (ri) JOIN bc c USING (ci)
ORDER BY requested_at, i;`
		]
	];
}

async function batchRow(conn: Sql): Promise<void> {
	await conn.run(
		// named columns: later migrations add columns (undo) that a generated batch leaves NULL
		`INSERT INTO import_batches (id, kind, file_name, sha256, size_bytes, file_type, encoding, delimiter,
			sheet, header_line, mapping, profile, rows, accepted, updated, duplicates, rejected, skipped,
			imported_by, imported_at, duration_ms)
		VALUES (nextval('import_batch_seq'), 'repair', 'bench/metrics-data.ts',
			'generated', 0, 'generated', 'utf-8', NULL, NULL, 1, '{}', NULL,
			${SIZES.repairs}, ${SIZES.repairs}, 0, 0, 0, 0, 'bench', current_localtimestamp(), 0)`
	);
}

export interface GeneratedData {
	path: string;
	sizeBytes: number;
	rows: Record<string, number>;
	generatedMs: number | null;
}

/** Writes the data set into a new database file at `path` (replacing it). */
async function generate(path: string): Promise<Record<string, number>> {
	for (const p of [path, `${path}.wal`]) rmSync(p, { force: true });
	const db = await Database.open(path);
	try {
		await db.write(async (conn) => {
			await batchRow(conn);
			for (const [step, sql] of statements()) {
				const started = performance.now();
				await conn.run(sql);
				process.stderr.write(`    ${step}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
			}
		});
		await db.session((conn) => conn.run('CHECKPOINT'));
		const [rows] = (await db.query(
			`SELECT (SELECT count(*) FROM repairs) AS repairs, (SELECT count(*) FROM complaints) AS complaints,
				(SELECT count(*) FROM surveys) AS surveys, (SELECT count(*) FROM returns) AS returns,
				(SELECT count(*) FROM sales) AS sales`
		)) as Record<string, number>[];
		for (const [table, expected] of Object.entries(SIZES)) {
			if (rows[table] !== expected)
				throw new Error(`generated ${rows[table]} ${table}, expected ${expected}`);
		}
		return rows;
	} finally {
		db.close();
	}
}

/** The cached data set, generated when missing or made by another generator version. */
export async function metricsData(path = METRICS_DATA): Promise<GeneratedData> {
	const { meta, generatedMs } = await cachedFile(
		path,
		DATA_VERSION,
		async (tmp) => {
			const rows = await generate(tmp);
			rmSync(`${path}.wal`, { force: true });
			return { rows };
		},
		// a WAL beside the file: it was opened and changed since it was made
		() => !existsSync(`${path}.wal`)
	);
	return { path, sizeBytes: statSync(path).size, rows: meta.rows, generatedMs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	const out = await metricsData(process.argv[2] ? resolve(process.argv[2]) : METRICS_DATA);
	console.log(JSON.stringify(out));
}
