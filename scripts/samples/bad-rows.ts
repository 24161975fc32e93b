/** A small repair export where most rows are fine and each rejection reason occurs at least once. */
import { CN_STYLE, REPAIR_HEADER, repairRow } from './forms';
import type { Repair } from './repairs';
import { MIN_PER_DAY, fmtSlashTime } from './time';
import { csvText, type Cell } from './writers';

export interface Problem {
	line: number;
	id: string;
	column: string;
	value: string;
	reason: string;
	note: string;
}

type Breaker = { column: string; reason: string; note: string; value: (r: Repair) => string };

const BREAKERS: Breaker[] = [
	{ column: '维修单号', reason: 'required_missing', note: 'repair_id empty', value: () => '' },
	{ column: '报修时间', reason: 'required_missing', note: 'received_at empty', value: () => '' },
	{ column: '产品型号', reason: 'required_missing', note: 'product_model empty', value: () => '' },
	{
		column: '报修时间',
		reason: 'invalid_timestamp',
		note: 'month 13, day 45',
		value: () => '2025/13/45 10:00'
	},
	{ column: '购买日期', reason: 'invalid_date', note: 'words, not a date', value: () => '去年夏天' },
	{ column: '配件费', reason: 'invalid_number', note: 'letter O instead of zero', value: () => '12O.50' },
	{ column: '工时费', reason: 'negative', note: 'negative cost', value: () => '-80' },
	{
		column: '完工时间',
		reason: 'end_before_start',
		note: 'completed one day before received',
		value: (r) => fmtSlashTime(r.received - MIN_PER_DAY)
	},
	{ column: '保内', reason: 'invalid_bool', note: 'not a yes/no value', value: () => '待定' }
];

/** Data-row positions (0-based) of the broken rows, and of the blank line (inserted before that row). */
const BROKEN_AT = [3, 6, 8, 11, 14, 17, 20, 22, 25];
const BLANK_BEFORE = 16;
const DATA_ROWS = 29;

export function badRepairsCsv(source: Repair[]): {
	bytes: Buffer;
	problems: Problem[];
	lines: number;
	cnValid: number;
	blankLine: number;
} {
	const picked = source
		.filter((r) => r.completed !== null && r.id.startsWith('WX202507'))
		.slice(0, DATA_ROWS);
	const col = (name: string) => REPAIR_HEADER.indexOf(name);
	const lines: Cell[][] = [REPAIR_HEADER];
	const problems: Problem[] = [];
	let blankLine = 0;
	picked.forEach((r, i) => {
		if (i === BLANK_BEFORE) {
			blankLine = lines.length + 1;
			lines.push([]);
		}
		const id = `WXT20250700${String(i + 1).padStart(2, '0')}`;
		const cells = repairRow({ ...r, id });
		const k = BROKEN_AT.indexOf(i);
		if (k >= 0) {
			const b = BREAKERS[k];
			const value = b.value(r);
			cells[col(b.column)] = value;
			problems.push({
				line: lines.length + 1,
				id: cells[0] ? id : '(empty)',
				column: b.column,
				value,
				reason: b.reason,
				note: b.note
			});
		}
		lines.push(cells);
	});
	const total: Cell[] = Array(REPAIR_HEADER.length).fill('');
	total[0] = '合计';
	for (const [name, f] of [
		['配件费', (r: Repair) => r.parts],
		['工时费', (r: Repair) => r.labor],
		['物流费', (r: Repair) => r.logistics],
		['其他费用', (r: Repair) => r.other]
	] as const)
		total[col(name)] = picked.reduce((a, r) => a + f(r), 0).toFixed(2);
	lines.push(total);
	const cnValid = picked.filter((r, i) => !BROKEN_AT.includes(i) && CN_STYLE.has(r.centre.supplier)).length;
	return {
		bytes: Buffer.from(csvText(lines, ',', '\n'), 'utf8'),
		problems,
		lines: lines.length,
		cnValid,
		blankLine
	};
}
