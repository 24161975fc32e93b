import type { ReportFigures } from './api';
import type { Cell, ReportColumn, ReportTable } from './document';

/** One row of a compared table: its key and, per numeric column, the two values. */
export interface ComparedRow {
	key: string;
	values: Record<string, { a: Cell; b: Cell }>;
}

export interface ComparedTable {
	id: string;
	title: string;
	keyLabel: string;
	/** The numeric columns, with their kinds, of either side. */
	columns: ReportColumn[];
	rows: ComparedRow[];
	/** In one snapshot only. */
	only: 'a' | 'b' | null;
}

function tables(figures: ReportFigures): Map<string, ReportTable> {
	const out = new Map<string, ReportTable>();
	for (const section of figures.sections)
		for (const block of section.blocks) if (block.type === 'table') out.set(block.table.id, block.table);
	return out;
}

const keyOf = (table: ReportTable, row: Record<string, Cell>) =>
	String(row[table.columns[0]?.key ?? ''] ?? '');

/**
 * Two snapshots' figures side by side: tables matched by id, rows by their first column (a month, a
 * KPI, a defect code), numbers column by column. Rows and tables present on one side only are kept,
 * with the other side empty, so nothing that changed between the two drops out of sight.
 */
export function compareFigures(a: ReportFigures, b: ReportFigures): ComparedTable[] {
	const left = tables(a);
	const right = tables(b);
	const ids = [...new Set([...left.keys(), ...right.keys()])];
	return ids.map((id) => {
		const ta = left.get(id);
		const tb = right.get(id);
		const base = (ta ?? tb)!;
		const numeric = new Map<string, ReportColumn>();
		for (const c of [...(ta?.columns ?? []), ...(tb?.columns ?? [])].slice(1))
			if (c.kindFrom || (c.kind && c.kind !== 'text' && c.kind !== 'date')) numeric.set(c.key, c);
		const rows = new Map<string, ComparedRow>();
		const add = (table: ReportTable | undefined, side: 'a' | 'b') => {
			for (const row of table?.rows ?? []) {
				const key = keyOf(table!, row);
				const entry = rows.get(key) ?? { key, values: {} };
				for (const column of numeric.keys()) {
					entry.values[column] ??= { a: null, b: null };
					entry.values[column][side] = row[column] ?? null;
				}
				// A row's own kind (KPI tables) travels with it.
				for (const c of numeric.values())
					if (c.kindFrom)
						entry.values[c.kindFrom] = { a: row[c.kindFrom] ?? null, b: row[c.kindFrom] ?? null };
				rows.set(key, entry);
			}
		};
		add(ta, 'a');
		add(tb, 'b');
		return {
			id,
			title: base.title,
			keyLabel: base.columns[0]?.label ?? '',
			columns: [...numeric.values()],
			rows: [...rows.values()],
			only: ta && tb ? null : ta ? 'a' : 'b'
		};
	});
}
