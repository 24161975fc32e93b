import { KIND_DEFS, type Kind } from '$lib/domain/records';

/** header text → canonical field name; headers absent from the map are kept as extra columns. */
export type HeaderMapping = Record<string, string>;

/** Case, width, spacing and unit suffixes vary between exports of the same system; compare without them. */
export function normaliseHeader(header: string): string {
	return header
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[（(][^）)]*[）)]/g, '')
		.replace(/[\s_\-:：*]+/g, ' ')
		.trim();
}

/**
 * Maps headers to fields: explicit entries first, then built-in synonyms. Each field is used once and
 * each header at most once; the first header that matches a field wins.
 */
export function suggestMapping(
	kind: Kind,
	headers: string[],
	explicit: HeaderMapping = {},
	useSynonyms = true
): HeaderMapping {
	const fields = KIND_DEFS[kind].fields;
	const mapping: HeaderMapping = {};
	const used = new Set<string>();
	for (const header of headers) {
		const field = explicit[header];
		if (field && fields.some((f) => f.name === field) && !used.has(field)) {
			mapping[header] = field;
			used.add(field);
		}
	}
	if (!useSynonyms) return mapping;
	const exact = (h: string, s: string) => normaliseHeader(h) === normaliseHeader(s);
	for (const field of fields) {
		if (used.has(field.name)) continue;
		const candidates = [field.name, ...field.synonyms];
		const header = headers.find(
			(h) => !(h in mapping) && !(h in explicit) && candidates.some((s) => exact(h, s))
		);
		if (header !== undefined) {
			mapping[header] = field.name;
			used.add(field.name);
		}
	}
	return mapping;
}

/** How many cells of a row look like headers of this kind: used to find the header row under title rows. */
export function headerScore(kind: Kind, cells: string[]): number {
	return Object.keys(
		suggestMapping(
			kind,
			cells.filter((c) => c.trim() !== '')
		)
	).length;
}

export function missingRequired(kind: Kind, mapping: HeaderMapping): string[] {
	const mapped = new Set(Object.values(mapping));
	return KIND_DEFS[kind].fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name);
}

/** Title rows above the header are common; the header is looked for among the first rows only. */
export const HEADER_SEARCH_ROWS = 30;

/** The row among the first ones that looks most like a header of this kind (ties: the earliest). */
export function pickHeaderRow(kind: Kind, rows: string[][]): number {
	let best = -1;
	let bestScore = 0;
	rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, i) => {
		const score = headerScore(kind, cells);
		if (score > bestScore) {
			bestScore = score;
			best = i;
		}
	});
	if (best >= 0) return best;
	// No known header: the first row as wide as the widest of the sampled rows.
	const filled = rows.map((cells) => cells.filter((c) => c.trim() !== '').length);
	const widest = Math.max(0, ...filled);
	return Math.max(
		0,
		filled.findIndex((n) => n === widest)
	);
}

/** Empty or repeated header cells get names so that no column is lost or ambiguous. */
export function uniqueHeaders(cells: string[]): string[] {
	const seen = new Map<string, number>();
	return cells.map((cell, i) => {
		const base = cell.trim() || `column_${i + 1}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return n === 1 ? base : `${base} (${n})`;
	});
}

/** Allowed names of mapping profiles (at most 80 characters). */
export const PROFILE_NAME = /^[\p{L}\p{N} ._-]+$/u;
