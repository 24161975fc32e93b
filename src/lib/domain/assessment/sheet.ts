import { CatalogueError } from './errors';

/**
 * A certification body's indicator sheet (rows of cell texts, as the server reads them from an XLSX
 * with exceljs or from a CSV) → catalogue JSON, not yet validated (catalogue.ts `catalogueFromRows`
 * validates it).
 *
 * The header row is the first of the first 30 rows that names both `id` and `title_zh` (rows above it,
 * such as a title, are skipped). Columns, in any order; header names are matched case-insensitively,
 * spaces and hyphens read as `_`, and the Chinese names in brackets are accepted too:
 *
 * | column | required | meaning |
 * |---|---|---|
 * | `id` (编号, 指标编号) | yes | item id, e.g. `1`, `1.1`, `1.1.1` |
 * | `parent` (上级编号, 上级) | no | id of the parent item; empty on first-level items. When empty and the id is dotted (`1.2.3`), the parent is the id without its last part (`1.2`) if the sheet has that id |
 * | `title_zh` (名称, 指标名称, 评价指标, 检查项) | yes | Chinese title |
 * | `title_en` (英文名称) | no | English title (empty: the UI shows the Chinese one) |
 * | `points` (分值) | yes | points of a check item (leaf); empty on indicators. `1.5` or `1.5分` |
 * | `guidance` (评价要点, 证据要求, 审核要点) | no | what the auditor looks at and the evidence asked for |
 * | `metric_id` | no | a registry metric that proposes the result, e.g. `complaints.sla` |
 * | `metric_params` | with metric_id | the metric column name (`resolution_within_target_share`) or a JSON object `{"column": …, "aggregate": …, "weight": …, "per": {…}}` (see metric.ts) |
 * | `metric_threshold` | with metric_id | number, e.g. `0.9` |
 * | `metric_direction` | with metric_id | `min` (value ≥ threshold conforms; also `>=`, `≥`, 下限) or `max` (value ≤ threshold; `<=`, `≤`, 上限) |
 *
 * Blank rows are ignored. Row numbers in errors are 1-based positions in `rows` (the sheet's row
 * numbers when `rows` starts at the sheet's first row).
 */

const SHEET_COLUMNS = [
	'id',
	'parent',
	'title_zh',
	'title_en',
	'points',
	'guidance',
	'metric_id',
	'metric_params',
	'metric_threshold',
	'metric_direction'
] as const;
type Column = (typeof SHEET_COLUMNS)[number];

const ALIASES: Record<string, Column> = {
	编号: 'id',
	指标编号: 'id',
	上级编号: 'parent',
	上级: 'parent',
	名称: 'title_zh',
	指标名称: 'title_zh',
	评价指标: 'title_zh',
	检查项: 'title_zh',
	英文名称: 'title_en',
	分值: 'points',
	评价要点: 'guidance',
	证据要求: 'guidance',
	审核要点: 'guidance'
};

const DIRECTION_WORDS: Record<string, 'min' | 'max'> = {
	min: 'min',
	'>=': 'min',
	'≥': 'min',
	下限: 'min',
	max: 'max',
	'<=': 'max',
	'≤': 'max',
	上限: 'max'
};

function columnOf(header: string): Column | undefined {
	const key = header
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	return (SHEET_COLUMNS as readonly string[]).includes(key) ? (key as Column) : ALIASES[header.trim()];
}

const HEADER_SEARCH_ROWS = 30;

/** Catalogue JSON (unvalidated) from sheet rows; throws CatalogueError listing every row problem. */
export function sheetToCatalogueJson(
	rows: readonly (readonly string[])[],
	meta: { id?: string; title?: string; edition?: string } = {}
): { id: string; title: string; edition: string; items: Record<string, unknown>[] } {
	const headerAt = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
		const names = row.map((cell) => columnOf(String(cell ?? '')));
		return names.includes('id') && names.includes('title_zh');
	});
	if (headerAt < 0)
		throw new CatalogueError([
			`no header row with "id" and "title_zh" in the first ${HEADER_SEARCH_ROWS} rows (columns: ${SHEET_COLUMNS.join(', ')})`
		]);
	const index = new Map<Column, number>();
	rows[headerAt].forEach((cell, i) => {
		const column = columnOf(String(cell ?? ''));
		if (column && !index.has(column)) index.set(column, i);
	});
	if (!index.has('points'))
		throw new CatalogueError([`row ${headerAt + 1}: the header has no "points" column`]);

	const errors: string[] = [];
	const records: { row: number; cells: Partial<Record<Column, string>> }[] = [];
	for (let r = headerAt + 1; r < rows.length; r++) {
		const cells: Partial<Record<Column, string>> = {};
		for (const [column, i] of index) cells[column] = String(rows[r][i] ?? '').trim();
		if (!rows[r].some((cell) => String(cell ?? '').trim() !== '')) continue;
		if (!cells.id) {
			errors.push(`row ${r + 1}: id is empty`);
			continue;
		}
		records.push({ row: r + 1, cells });
	}
	const ids = new Set(records.map((rec) => rec.cells.id));

	const items = records.map(({ row, cells }) => {
		const where = `row ${row} (item ${cells.id})`;
		const item: Record<string, unknown> = {
			id: cells.id,
			title_zh: cells.title_zh ?? '',
			title_en: cells.title_en ?? '',
			guidance: cells.guidance ?? ''
		};
		const id = cells.id as string;
		const implied = id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '';
		const parent = cells.parent || (ids.has(implied) ? implied : '');
		if (parent) item.parent = parent;
		if (cells.points) {
			const points = Number(cells.points.replace(/分$/, '').trim());
			if (Number.isFinite(points)) item.points = points;
			else errors.push(`${where}: points "${cells.points}" is not a number`);
		}
		if (cells.metric_id) item.metric = metricOf(cells, where, errors);
		else if (cells.metric_threshold || cells.metric_direction || cells.metric_params)
			errors.push(`${where}: metric_threshold/metric_direction/metric_params need a metric_id`);
		return item;
	});
	if (errors.length) throw new CatalogueError(errors);
	return {
		id: meta.id ?? 'custom',
		title: meta.title ?? 'Imported indicator sheet',
		edition: meta.edition ?? '',
		items
	};
}

function metricOf(cells: Partial<Record<Column, string>>, where: string, errors: string[]): unknown {
	const threshold = Number(cells.metric_threshold);
	if (!cells.metric_threshold || !Number.isFinite(threshold))
		errors.push(`${where}: metric_threshold "${cells.metric_threshold ?? ''}" is not a number`);
	const direction = DIRECTION_WORDS[(cells.metric_direction ?? '').toLowerCase()];
	if (!direction)
		errors.push(`${where}: metric_direction must be min or max, got "${cells.metric_direction ?? ''}"`);
	let params: unknown = {};
	const text = cells.metric_params ?? '';
	if (text.startsWith('{')) {
		try {
			params = JSON.parse(text);
		} catch {
			errors.push(`${where}: metric_params is not valid JSON`);
		}
	} else if (text) params = { column: text };
	else errors.push(`${where}: metric_params (the metric column to read) is empty`);
	return { id: cells.metric_id, params, threshold, direction };
}
