import { KIND_DEFS, type Kind } from './fields';

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
