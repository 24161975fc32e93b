import { KIND_DEFS, type Kind } from '$lib/domain/records';
import { missingRequired, suggestMapping, type HeaderMapping } from '$lib/domain/ingest/header-mapping';
import { ImportError } from './types';

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
			`${fileName}: unknown field(s) ${unknown.map(([h, f]) => `"${h}=${f}"`).join(', ')} for ${kind}; ` +
				`fields are: ${[...fields].join(', ')} / 映射中有未知字段`,
			'bad_mapping',
			{ unknown: unknown.map(([, f]) => f), fields: [...fields] }
		);
	}
	const mapping = suggestMapping(kind, headers, explicit, useSynonyms);
	const missing = missingRequired(kind, mapping);
	if (missing.length) {
		throw new ImportError(
			`${fileName}: required field(s) ${missing.join(', ')} not found for a ${kind} import. ` +
				`Headers found: ${headers.join(' | ')}. Map them with --map "HEADER=field" or a profile. / ` +
				`缺少必填字段 ${missing.join('、')}；文件表头：${headers.join('、')}`,
			'missing_required',
			{ missing, headers }
		);
	}
	return mapping;
}
