import type { Kind } from '$lib/domain/records';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import type { Database } from '$lib/server/db/connection';
import { listProfiles, listShippedProfiles } from './';

/** A mapping profile as the import page needs it: saved ones, and those shipped in data/profiles. */
export interface ProfileOption {
	name: string;
	kind: Kind;
	mapping: HeaderMapping;
	shipped: boolean;
	description?: string;
	encoding?: string;
	sheet?: string;
	/** Column names for files without a header row. */
	columns?: string[];
}

/** Saved profiles win over shipped ones of the same name (as the importer resolves them). */
export async function availableProfiles(db: Database, kind?: Kind): Promise<ProfileOption[]> {
	const saved = await listProfiles(db, kind);
	const names = new Set(saved.map((p) => p.name));
	const shipped = (await listShippedProfiles()).filter(
		(p) => (!kind || p.kind === kind) && !names.has(p.name)
	);
	return [
		...saved.map((p) => ({ name: p.name, kind: p.kind, mapping: p.mapping, shipped: false })),
		...shipped.map((p) => ({
			name: p.name,
			kind: p.kind,
			mapping: p.mapping,
			shipped: true,
			description: p.description,
			encoding: p.encoding,
			sheet: p.sheet,
			columns: p.columns
		}))
	].sort((a, b) => a.name.localeCompare(b.name));
}
