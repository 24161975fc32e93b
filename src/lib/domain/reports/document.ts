/**
 * A report as data: what the HTML, PDF and XLSX renderers draw and what a snapshot keeps as its
 * figures. Every text is already in the report's language; numbers stay numbers with the kind that
 * says how to show them, so the XLSX gets typed cells and the HTML the app's number formats.
 */
import type { EChartsOption } from 'echarts';
import type { ValueKind } from '$lib/charts/format';
import type { UserScope } from '$lib/domain/auth/user';

export const REPORT_KINDS = ['monthly-review', 'complaint-analysis', 'gbt27922'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type Cell = string | number | boolean | null;

/**
 * How a cell reads: a value kind of the charts' formats, text, a date, a relative change (a fraction
 * shown signed, "+12.0%"), or a change in points between two values of a kind (`points:share`
 * "+1.2 个百分点", `points:per1000` "+0.53 个千分点", `points:score` "+0.12 分"), as the overview says it.
 */
export type CellKind = ValueKind | 'text' | 'date' | 'change' | PointsKind;
export type PointsKind = `points:${ValueKind}`;

/** A column: its key in the rows, its heading and how its numbers read (text when absent). */
export interface ReportColumn {
	key: string;
	label: string;
	kind?: CellKind;
	/** The row field naming each row's kind instead (a KPI table mixes counts, rates and money). */
	kindFrom?: string;
}

export interface ReportTable {
	/** Unique in the report; the XLSX sheet and the snapshot figures are named by it. */
	id: string;
	title: string;
	columns: ReportColumn[];
	rows: Record<string, Cell>[];
	/** Said when there are no rows. */
	empty?: string;
}

/** A label–value pair of a fact list (cover page, settings of a sample). */
export interface ReportFact {
	label: string;
	value: Cell;
	kind?: CellKind;
}

export type ReportBlock =
	| { type: 'paragraph'; text: string }
	| { type: 'facts'; facts: ReportFact[] }
	| { type: 'table'; table: ReportTable }
	/**
	 * A chart and the table of its numbers (the table goes into the XLSX and the figures; printed
	 * below the chart too with `printTable`, when the reader needs the exact counts).
	 */
	| {
			type: 'chart';
			title: string;
			option: EChartsOption;
			table: ReportTable;
			height?: number;
			printTable?: boolean;
	  };

export interface ReportSection {
	id: string;
	title: string;
	blocks: ReportBlock[];
}

/** The definition of a metric the report uses, printed in its appendix. */
export interface ReportDefinition {
	id: string;
	title: string;
	definition: string;
}

/** An import batch behind the report's figures. */
export interface LineageRow {
	batch_id: number;
	kind: string;
	file_name: string;
	sha256: string;
	rows: number;
	accepted: number;
	updated: number;
	rejected: number;
	imported_at: string;
	imported_by: string;
}

export interface ReportDocument {
	id: string;
	kind: ReportKind;
	lang: 'zh-CN' | 'en';
	title: string;
	/** YYYY-MM for monthly reports, the assessment period for the audit pack. */
	period: string;
	filters: Record<string, string[]>;
	/** The scope of the user who generated it, when limited (said on the cover); absent: whole company. */
	scope?: UserScope;
	generatedAt: string;
	generatedBy: string;
	sections: ReportSection[];
	definitions: ReportDefinition[];
	lineage: LineageRow[];
}

/** Every table of a document, charts' tables included, in reading order. */
export function documentTables(doc: Pick<ReportDocument, 'sections'>): ReportTable[] {
	return doc.sections.flatMap((s) =>
		s.blocks.flatMap((b) => (b.type === 'table' || b.type === 'chart' ? [b.table] : []))
	);
}
