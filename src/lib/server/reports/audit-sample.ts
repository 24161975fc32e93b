import { KIND_DEFS } from '$lib/domain/records';
import type { Cell } from '$lib/domain/reports/document';
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
