import { KIND_DEFS, type Kind } from '$lib/domain/records';
import { missingRequired, suggestMapping, type HeaderMapping } from '$lib/domain/ingest/header-mapping';
import { ImportError } from './errors';

/**
 * The mapping an import uses: explicit entries (from --map or a profile) over synonyms; a profile is
 * complete by itself, so with one the synonyms are not consulted. Refuses a mapping that names
 * unknown fields or leaves a required field unmapped, listing the headers found.
 */
export function resolveMapping(
	kind: Kind,
	headers: string[],
	explicit: HeaderMapping,
	fileName: string,
	useSynonyms = true
): HeaderMapping {
	const fields = new Set(KIND_DEFS[kind].fields.map((f) => f.name));
	// '' means "keep this column as an extra column", which is always allowed.
	const unknown = Object.entries(explicit).filter(([, field]) => field !== '' && !fields.has(field));
	if (unknown.length) {
		throw new ImportError(
			'bad_mapping',
			'ingest.unknownFields',
			{ unknown: unknown.map(([h, f]) => `"${h}=${f}"`).join(', '), kind, fields: [...fields].join(', ') },
			{ unknown: unknown.map(([, f]) => f), fields: [...fields] },
			fileName
		);
	}
	const mapping = suggestMapping(kind, headers, explicit, useSynonyms);
	const missing = missingRequired(kind, mapping);
	if (missing.length) {
		throw new ImportError(
			'missing_required',
			'ingest.missingRequired',
			{ missing: missing.join(', '), kind, headers: headers.join(' | ') },
			{ missing, headers },
			fileName
		);
	}
	return mapping;
}
