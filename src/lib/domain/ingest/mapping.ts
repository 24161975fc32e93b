import type { Kind } from '$lib/domain/records';
import {
	PROFILE_NAME,
	missingRequired,
	suggestMapping,
	type HeaderMapping
} from '$lib/domain/ingest/header-mapping';

export function isProfileName(name: string): boolean {
	const trimmed = name.trim();
	return trimmed.length > 0 && trimmed.length <= 80 && PROFILE_NAME.test(trimmed);
}

/**
 * The mapping form's model, mirroring the importer (server/ingest/mapping.ts): the user's choices
 * (`overrides`, header → field or '' for "keep as extra column") win, then the profile; the built-in
 * synonyms are used only without a profile (a profile is complete by itself). The result names every
 * header ('' = extra column).
 */
export function effectiveMapping(
	kind: Kind,
	headers: string[],
	profile: HeaderMapping | null,
	overrides: HeaderMapping = {}
): HeaderMapping {
	const claimed = new Set(Object.values(overrides).filter((f) => f !== ''));
	const explicit: HeaderMapping = {};
	for (const [header, field] of Object.entries(profile ?? {}))
		if (!claimed.has(field)) explicit[header] = field;
	Object.assign(explicit, overrides);
	const suggested = suggestMapping(kind, headers, explicit, profile === null);
	const mapping: HeaderMapping = {};
	for (const header of headers) mapping[header] = suggested[header] ?? '';
	return mapping;
}

/**
 * The `map` sent with the import: every mapped header, plus '' for a header the user chose to keep
 * as an extra column where the importer would otherwise map it itself (from the profile, or from the
 * synonyms when there is no profile). Unmapped headers nobody would map are left out.
 */
export function mappingForServer(
	kind: Kind,
	mapping: HeaderMapping,
	overrides: HeaderMapping,
	profile: HeaderMapping | null
): HeaderMapping {
	const out: HeaderMapping = {};
	for (const [header, field] of Object.entries(mapping)) {
		if (field !== '') out[header] = field;
		else if (overrides[header] === '') {
			const wouldMap = profile ? Boolean(profile[header]) : header in suggestMapping(kind, [header]);
			if (wouldMap) out[header] = '';
		}
	}
	return out;
}

/** Sets one header's field; a field is used once, so another header holding it lets go of it. */
export function withOverride(
	overrides: HeaderMapping,
	mapping: HeaderMapping,
	header: string,
	field: string
): HeaderMapping {
	const next: HeaderMapping = { ...overrides, [header]: field };
	if (field !== '') {
		for (const [other, f] of Object.entries(mapping)) if (other !== header && f === field) next[other] = '';
	}
	return next;
}

export interface MappingProblems {
	missing: string[];
	duplicates: string[];
}

export function mappingProblems(kind: Kind, mapping: HeaderMapping): MappingProblems {
	const seen = new Set<string>();
	const duplicates = new Set<string>();
	for (const field of Object.values(mapping)) {
		if (field === '') continue;
		if (seen.has(field)) duplicates.add(field);
		seen.add(field);
	}
	return { missing: missingRequired(kind, mapping), duplicates: [...duplicates] };
}
