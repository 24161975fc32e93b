import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { ImportProgress } from '$lib/domain/ingest/api';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import { KIND_DEFS, type Kind, type KindDef } from '$lib/domain/records';
import type { AuditSource } from '../audit/log';
import type { Database } from '../db/connection';
import {
	REPAIR_SEQUENCE_COLUMNS,
	onlyRepairSequenceSql,
	prepareNewRepairSequence
} from '../db/repair-sequence';
import type { DerivedColumns } from './apply';
import { ImportError } from './errors';
import { resolveMapping } from './mapping';
import type { SourceRequest } from './prepare';
import { resolveProfile } from './profiles';
import type { ImportOptions, SourceRules } from './types';

/** Reports the import's progress; the fraction is clamped to 0–1. */
export type Report = (phase: ImportProgress['phase'], fraction: number) => void;

export function reporter(options: ImportOptions): Report {
	return (phase, fraction) => options.onProgress?.({ phase, fraction: Math.min(1, Math.max(0, fraction)) });
}

/** What an import will do, decided from its options and profile before the file is read. */
export interface ImportPlan {
	path: string;
	kind: Kind;
	def: KindDef;
	fileName: string;
	/** The profile named in the options, as the batch records it. */
	profile: string | null;
	request: SourceRequest;
	/** The profile's filter, column names, absolute and combined fields; none without a profile. */
	rules: SourceRules;
	/** The repairs table's per-unit sequence; none for other kinds. */
	derived?: DerivedColumns;
	saveProfile?: string;
	/** Who imports and from where, as the audit entries of the import name them. */
	source: AuditSource;
}

/** Resolves the options' profile (refusing an unknown one or one of another kind) into a plan. */
export async function planImport(db: Database, path: string, options: ImportOptions): Promise<ImportPlan> {
	const profile = options.profile ? await resolveProfileOrFail(db, options.profile, options.kind) : null;
	const def = KIND_DEFS[options.kind];
	const fileName = options.fileName ?? basename(path);
	return {
		path,
		kind: options.kind,
		def,
		fileName,
		profile: options.profile ?? null,
		request: {
			kind: options.kind,
			fileName,
			encoding: options.encoding ?? profile?.encoding,
			sheet: options.sheet ?? profile?.sheet,
			explicit: { ...profile?.mapping, ...options.map },
			mappedHeaders: Object.keys(options.map ?? {}),
			useSynonyms: !profile,
			columns: profile?.columns
		},
		rules: profile ?? {},
		derived:
			def.table === 'repairs'
				? {
						names: REPAIR_SEQUENCE_COLUMNS,
						defaults: onlyRepairSequenceSql,
						prepare: prepareNewRepairSequence
					}
				: undefined,
		saveProfile: options.saveProfile,
		source: { actor: options.importedBy ?? userName() }
	};
}

/** The header → field mapping of a file with these headers (refusing unmapped required fields). */
export function planMapping(plan: ImportPlan, headers: string[]): HeaderMapping {
	return resolveMapping(plan.request, headers);
}

export async function assertReadable(path: string): Promise<void> {
	try {
		if (!(await stat(path)).isFile()) throw new Error('not a file');
	} catch (error) {
		throw new ImportError(
			'unreadable',
			'ingest.unreadableFile',
			{ reason: (error as Error).message },
			{},
			path
		);
	}
}

async function resolveProfileOrFail(db: Database, name: string, kind: Kind) {
	const profile = await resolveProfile(db, name);
	if (!profile) throw new ImportError('unknown_profile', 'ingest.unknownProfile', { name }, { name });
	if (profile.kind !== kind) {
		throw new ImportError(
			'bad_mapping',
			'ingest.profileKind',
			{ name, profileKind: profile.kind, kind },
			{ name, kind: profile.kind }
		);
	}
	return profile;
}

function userName(): string {
	try {
		return userInfo().username;
	} catch {
		return 'cli';
	}
}
