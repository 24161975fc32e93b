import { KIND_DEFS } from '$lib/domain/records';
import type { Cell, ReportBlock, ReportColumn, ReportSection } from '$lib/domain/reports/document';
import { fieldLabel } from '$lib/i18n';
import type { PackContext } from './audit-pack-sections';
import type { Database } from '../db/connection';
import { nextDay } from './period';

/**
 * The records an auditor samples for the audit pack, drawn so that anyone can redraw them outside
 * this tool: the candidates of a kind are ordered by the lower-case hex SHA-256 of the UTF-8 text
 * `seed || ':' || record id` (ties, which would need a hash collision, by record id) and the first N
 * are taken. The seed and N are printed with the sample; `sha256sum` or any SQL engine with sha256()
 * reproduces the order. Tables and columns come from the record kinds, never from a request.
 */

export const SAMPLE_KINDS = ['repair', 'complaint', 'survey'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** Records per kind when the request names no size: enough for a surveillance audit's spot check. */
export const DEFAULT_SAMPLE_SIZE = 20;

interface SampleSpec {
	/** Columns shown in the appendix, the record id first. */
	columns: string[];
	/** What else makes a record a candidate besides its date falling in the period. */
	where: string;
}

const SPECS: Record<SampleKind, SampleSpec> = {
	repair: {
		columns: [
			'repair_id',
			'received_at',
			'product_model',
			'defect_code',
			'service_center',
			'completed_at',
			'status'
		],
		where: ''
	},
	// A closed-loop complaint is one that was resolved: the record runs from receipt to resolution.
	complaint: {
		columns: [
			'complaint_id',
			'received_at',
			'category',
			'channel',
			'first_response_at',
			'resolved_at',
			'status'
		],
		where: 'AND resolved_at IS NOT NULL'
	},
	survey: {
		columns: ['response_id', 'responded_at', 'csat', 'nps', 'channel', 'related_id'],
		where: ''
	}
};

export const sampleColumns = (kind: SampleKind): readonly string[] => SPECS[kind].columns;

export interface DrawnSample {
	kind: SampleKind;
	/** Candidates in the period: the population the sample is drawn from. */
	candidates: number;
	/** The drawn records in draw order, each with its `sort_key` (the SHA-256 it was ordered by). */
	rows: Record<string, Cell>[];
}

/** Draws `size` records of `kind` dated from `from` to `to` (inclusive days) with `seed`. */
export async function drawSample(
	db: Database,
	kind: SampleKind,
	window: { from: string; to: string },
	seed: string,
	size: number
): Promise<DrawnSample> {
	const { table, dateField, key } = KIND_DEFS[kind];
	const id = key[0];
	const { columns, where } = SPECS[kind];
	// The window count is taken before LIMIT: the number of candidates the sample is drawn from.
	const rows = await db.query(
		`SELECT ${columns.join(', ')}, sha256($1 || ':' || ${id}) AS sort_key, count(*) OVER () AS candidates
		 FROM ${table}
		 WHERE ${dateField} >= $2::DATE AND ${dateField} < $3::DATE ${where}
		 ORDER BY sort_key, ${id} LIMIT $4`,
		[seed, window.from, nextDay(window.to), size]
	);
	return {
		kind,
		candidates: rows.length ? Number(rows[0].candidates) : 0,
		rows: rows.map(
			(r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'candidates')) as Record<string, Cell>
		)
	};
}

const NUMERIC_FIELDS = new Set(['count', 'score5', 'score10']);

/** The drawn records of one kind as a table: rank, the record's fields, the sort key it was drawn by. */
function sampleTable({ f }: PackContext, drawn: DrawnSample): ReportBlock {
	const { t } = f;
	const lang = f.ctx.lang;
	const fields = KIND_DEFS[drawn.kind].fields;
	const columns: ReportColumn[] = [
		{ key: 'rank', label: '#', kind: 'count' },
		...sampleColumns(drawn.kind).map((name): ReportColumn => {
			const type = fields.find((d) => d.name === name)?.type;
			return {
				key: name,
				label: fieldLabel(lang, drawn.kind, name),
				kind: type && NUMERIC_FIELDS.has(type) ? 'count' : 'text'
			};
		}),
		{ key: 'sort_key', label: t('report.ap.col.sortKey') }
	];
	return {
		type: 'table',
		table: {
			id: `sample_${drawn.kind}`,
			title: t('report.ap.sampleTable', {
				kind: t(`report.ap.sample.${drawn.kind}`),
				n: drawn.rows.length,
				candidates: new Intl.NumberFormat(f.locale).format(drawn.candidates)
			}),
			empty: t('report.ap.sampleEmpty'),
			columns,
			// The first 16 hex digits show the order; the auditor recomputes the full hash to check it.
			rows: drawn.rows.map((row, i) => ({ rank: i + 1, ...row, sort_key: String(row.sort_key).slice(0, 16) }))
		}
	};
}

/**
 * The records an auditor samples, with the seed, N and the method printed so the draw can be
 * repeated outside this tool (audit-sample.ts). The seed defaults to the report id.
 */
export async function sampleSection(
	pack: PackContext,
	window: { from: string; to: string }
): Promise<ReportSection> {
	const { f } = pack;
	const { t, ctx } = f;
	const seed = ctx.sampleSeed ?? ctx.id;
	const size = ctx.sampleSize ?? DEFAULT_SAMPLE_SIZE;
	const drawn = await Promise.all(SAMPLE_KINDS.map((kind) => drawSample(ctx.db, kind, window, seed, size)));
	const example = drawn.find((d) => d.rows.length);
	const exampleRow = example?.rows[0];
	return {
		id: 'sample',
		title: t('report.ap.sample'),
		blocks: [
			{ type: 'paragraph', text: t('report.ap.sampleIntro') },
			{
				type: 'facts',
				facts: [
					{ label: t('report.ap.sampleSeed'), value: seed },
					{ label: t('report.ap.sampleSize'), value: size, kind: 'count' },
					{ label: t('report.ap.sampleMethod'), value: t('report.ap.sampleMethodText') },
					{ label: t('report.ap.candidates'), value: t('report.ap.sampleCandidates') }
				]
			},
			...(example && exampleRow
				? [
						{
							type: 'paragraph' as const,
							text: t('report.ap.sampleCheck', {
								seed,
								id: String(exampleRow[sampleColumns(example.kind)[0]]),
								hash: String(exampleRow.sort_key)
							})
						}
					]
				: []),
			...drawn.map((d) => sampleTable(pack, d))
		]
	};
}
