import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { settings } from '$lib/server/config';
import { KINDS, type Kind } from '$lib/domain/records';
import type { ProfileOption } from '$lib/domain/ingest/api';
import { PROFILE_NAME, type HeaderMapping } from '$lib/domain/ingest/header-mapping';
import { appendAudit, type AuditSource } from '../audit/log';
import type { Database } from '../db/connection';
import type { Sql } from '../db/sql';
import type { SourceRules } from './types';

export interface MappingProfile {
	name: string;
	kind: Kind;
	mapping: HeaderMapping;
	updatedAt: string;
}

export const profileNameSchema = z
	.string()
	.trim()
	.min(1)
	.max(80)
	.regex(PROFILE_NAME, 'letters, digits, space, dot, dash, underscore');

async function listProfiles(db: Database, kind?: Kind): Promise<MappingProfile[]> {
	const rows = await db.query(
		`SELECT name, kind, CAST(mapping AS VARCHAR) AS mapping, updated_at FROM mapping_profiles
		 WHERE $1 IS NULL OR kind = $1 ORDER BY name`,
		[kind ?? null]
	);
	return rows.map((r) => ({
		name: String(r.name),
		kind: z.enum(KINDS).parse(r.kind),
		mapping: JSON.parse(String(r.mapping)),
		updatedAt: String(r.updated_at)
	}));
}

async function getProfile(db: Database, name: string): Promise<MappingProfile | null> {
	return (await listProfiles(db)).find((p) => p.name === name) ?? null;
}

/** Profiles shipped with the product (data/profiles/*.json), e.g. for public real-world exports. */
const shippedProfileSchema = z.object({
	name: z.string(),
	kind: z.enum(KINDS),
	description: z.string().optional(),
	encoding: z.string().optional(),
	sheet: z.string().optional(),
	mapping: z.record(z.string(), z.string()),
	columns: z.array(z.string()).optional(),
	filter: z.record(z.string(), z.string()).optional(),
	absolute: z.array(z.string()).optional(),
	combine: z.record(z.string(), z.array(z.string()).min(2)).optional()
});
export type ShippedProfile = z.infer<typeof shippedProfileSchema>;

function shippedProfilesDir(): string {
	return settings().WORKBENCH_PROFILES;
}

async function listShippedProfiles(): Promise<ShippedProfile[]> {
	const dir = shippedProfilesDir();
	const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
	return Promise.all(
		files.map(async (f) => shippedProfileSchema.parse(JSON.parse(await readFile(join(dir, f), 'utf8'))))
	);
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

/** A saved profile by name, else a shipped one; null when neither exists. */
export async function resolveProfile(
	db: Database,
	name: string
): Promise<({ kind: Kind; mapping: HeaderMapping; encoding?: string; sheet?: string } & SourceRules) | null> {
	const saved = await getProfile(db, name);
	if (saved) return saved;
	return (await listShippedProfiles()).find((p) => p.name === name) ?? null;
}

/**
 * Saves (or replaces) a profile on the caller's write transaction, audited with what it was before,
 * so that the entry commits with the import that saved it.
 */
export async function saveProfile(
	conn: Sql,
	name: string,
	kind: Kind,
	mapping: HeaderMapping,
	source: AuditSource
): Promise<void> {
	const valid = profileNameSchema.parse(name);
	const [previous] = await conn.all(
		'SELECT kind, CAST(mapping AS VARCHAR) AS mapping FROM mapping_profiles WHERE name = $1',
		[valid]
	);
	await conn.run(
		`INSERT OR REPLACE INTO mapping_profiles (name, kind, mapping, updated_at)
		 VALUES ($1, $2, CAST($3 AS JSON), current_localtimestamp())`,
		[valid, kind, JSON.stringify(mapping)]
	);
	await appendAudit(conn, {
		...source,
		action: 'mapping-profile.save',
		entity: 'mapping_profile',
		entityId: valid,
		detail: {
			kind,
			mapping,
			previous: previous ? { kind: previous.kind, mapping: JSON.parse(String(previous.mapping)) } : null
		}
	});
}
