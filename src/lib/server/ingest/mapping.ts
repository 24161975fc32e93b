import { KIND_DEFS } from '$lib/domain/records';
import { missingRequired, suggestMapping, type HeaderMapping } from '$lib/domain/ingest/header-mapping';
import { ImportError } from './errors';
import type { SourceRequest } from './prepare';

/**
 * The mapping an import of a file with these headers uses: explicit entries (from --map or a profile)
 * over synonyms; a profile is complete by itself, so with one the synonyms are not consulted. Refuses
 * a mapping that names unknown fields, a header the file lacks in the import's own entries, or one
 * that leaves a required field unmapped, listing the fields or the headers found.
 */
export function resolveMapping(request: SourceRequest, headers: string[]): HeaderMapping {
	const { kind, explicit, fileName, useSynonyms } = request;
	const fields = new Set(KIND_DEFS[kind].fields.map((f) => f.name));
	// '' means "keep this column as an extra column", which is always allowed.
	const unknown = [...new Set(Object.values(explicit).filter((field) => field !== '' && !fields.has(field)))];
	if (unknown.length) {
		throw new ImportError(
			'bad_mapping',
			'ingest.unknownFields',
			{ unknown: unknown.map((f) => `"${f}"`).join(', '), kind, fields: [...fields].join(', ') },
			{ unknown, fields: [...fields] },
			fileName
		);
	}
	// A typo in a header would otherwise leave its column unmapped without a word.
	const absent = request.mappedHeaders.filter((header) => !headers.includes(header));
	if (absent.length) {
		throw new ImportError(
			'bad_mapping',
			'ingest.unknownHeaders',
			{ absent: absent.map((h) => `"${h}"`).join(', '), headers: headers.join(' | ') },
			{ absent, headers },
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
