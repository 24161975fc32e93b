import { StatusError } from '$lib/domain/errors';
import type {
	DefectCode,
	DefectCodeInput,
	DefectCodeSource,
	DictionaryImportResult
} from '$lib/domain/defect-codes';
import { appendAudit, type AuditSource } from '../audit/log';
import type { Database } from '../db/connection';
import type { Sql } from '../db/sql';
import type { PlainRow } from '../db/values';

/**
 * The defect code dictionary (table defect_codes): names per code, edited in settings, imported from
 * a sheet (defect-code-sheet.ts) or learned from repair imports. Every change is audited in the
 * transaction that makes it. Metrics read the names by joining the table (defectNamesJoinSql).
 */

/** A refused dictionary request, with the HTTP status the API answers with. */
export class DictionaryError extends StatusError {}

const COLUMNS = `code, name_zh, name_en, source, strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at, updated_by`;

function toCode(r: PlainRow): DefectCode {
	return {
		code: String(r.code),
		name_zh: String(r.name_zh),
		name_en: r.name_en === null ? null : String(r.name_en),
		source: String(r.source) as DefectCodeSource,
		updated_at: String(r.updated_at),
		updated_by: String(r.updated_by)
	};
}

/** Every entry, by code; `search` keeps those whose code or a name contains it (case-insensitive). */
export async function listDefectCodes(db: Database, search = ''): Promise<DefectCode[]> {
	const rows = await db.query(
		`SELECT ${COLUMNS} FROM defect_codes
		 WHERE $1 = '' OR contains(lower(code || ' ' || name_zh || ' ' || coalesce(name_en, '')), lower($1))
		 ORDER BY code`,
		[search.trim()]
	);
	return rows.map(toCode);
}

async function current(conn: Sql, code: string): Promise<DefectCode | null> {
	const [row] = await conn.all(`SELECT ${COLUMNS} FROM defect_codes WHERE code = $1`, [code]);
	return row ? toCode(row) : null;
}

/** Writes one entry as `source` (insert or replace); the caller audits. */
async function put(conn: Sql, entry: DefectCodeInput, source: DefectCodeSource, actor: string) {
	await conn.run(
		`INSERT OR REPLACE INTO defect_codes VALUES ($1, $2, $3, $4, current_localtimestamp(), $5)`,
		[entry.code, entry.name_zh, entry.name_en, source, actor]
	);
}

/** Creates or changes one entry by hand (source 'manual'); `create` refuses a code that exists. */
export async function saveDefectCode(
	db: Database,
	entry: DefectCodeInput,
	actor: string,
	options: { create: boolean; origin?: string | null }
): Promise<DefectCode> {
	return db.write(async (conn) => {
		const before = await current(conn, entry.code);
		if (options.create && before) throw new DictionaryError(409, 'dict.exists', { code: entry.code });
		if (!options.create && !before) throw new DictionaryError(404, 'dict.notFound', { code: entry.code });
		await put(conn, entry, 'manual', actor);
		await appendAudit(conn, {
			actor,
			action: before ? 'defect-code.update' : 'defect-code.create',
			entity: 'defect_code',
			entityId: entry.code,
			detail: { before: before && { name_zh: before.name_zh, name_en: before.name_en }, after: entry },
			origin: options.origin
		});
		return (await current(conn, entry.code))!;
	});
}

export async function deleteDefectCode(
	db: Database,
	code: string,
	actor: string,
	origin?: string | null
): Promise<void> {
	await db.write(async (conn) => {
		const before = await current(conn, code);
		if (!before) throw new DictionaryError(404, 'dict.notFound', { code });
		await conn.run('DELETE FROM defect_codes WHERE code = $1', [code]);
		await appendAudit(conn, {
			actor,
			action: 'defect-code.delete',
			entity: 'defect_code',
			entityId: code,
			detail: { before: { name_zh: before.name_zh, name_en: before.name_en, source: before.source } },
			origin
		});
	});
}

/**
 * Writes a checked sheet's entries (source 'import', replacing what a code had, a manual name
 * included: importing a sheet is as deliberate as typing) in one audited transaction.
 */
export async function writeDictionary(
	db: Database,
	file: string,
	entries: DefectCodeInput[],
	actor: string,
	origin?: string | null
): Promise<DictionaryImportResult> {
	return db.write(async (conn) => {
		const result: DictionaryImportResult = { file, rows: entries.length, added: 0, changed: 0, unchanged: 0 };
		for (const entry of entries) {
			const before = await current(conn, entry.code);
			if (before && before.name_zh === entry.name_zh && before.name_en === entry.name_en) {
				result.unchanged++;
				continue;
			}
			if (before) result.changed++;
			else result.added++;
			await put(conn, entry, 'import', actor);
		}
		await appendAudit(conn, {
			actor,
			action: 'defect-code.import',
			entity: 'defect_code',
			entityId: null,
			detail: result,
			origin
		});
		return result;
	});
}

/**
 * Learns names from the repairs batch `batchId` wrote, inside the import's transaction: for each code
 * of the batch that the dictionary lacks, its most frequent description (symptom; ties by text) becomes
 * its Chinese name, source 'learned'. Codes with an entry — typed, imported or learned before — keep it.
 * Returns the number of codes learned (audited with the batch when non-zero).
 */
export async function learnDefectNames(conn: Sql, batchId: number, source: AuditSource): Promise<number> {
	const learned = await conn.all(
		`INSERT INTO defect_codes
		 SELECT code, name, NULL, 'learned', current_localtimestamp(), $2 FROM (
			SELECT trim(defect_code) AS code, trim(symptom) AS name,
				row_number() OVER (PARTITION BY trim(defect_code) ORDER BY count(*) DESC, trim(symptom)) AS rank
			FROM repairs
			WHERE batch_id = $1 AND trim(coalesce(defect_code, '')) <> '' AND trim(coalesce(symptom, '')) <> ''
			GROUP BY 1, 2)
		 WHERE rank = 1 AND code NOT IN (SELECT code FROM defect_codes)
		 RETURNING code`,
		[batchId, source.actor]
	);
	if (learned.length) {
		await appendAudit(conn, {
			...source,
			action: 'defect-code.learn',
			entity: 'batch',
			entityId: batchId,
			detail: { codes: learned.map((r) => String(r.code)) }
		});
	}
	return learned.length;
}

/**
 * LEFT JOIN of the dictionary onto a grouped relation whose key column is `key`: adds its name_zh and
 * name_en when `byCode` (the grouping is by defect code), NULLs otherwise.
 */
export function defectNamesSql(byCode: boolean, key: string): { columns: string; join: string } {
	if (!byCode)
		return { columns: 'CAST(NULL AS VARCHAR) AS name_zh, CAST(NULL AS VARCHAR) AS name_en', join: '' };
	return {
		columns: 'dc.name_zh, dc.name_en',
		join: `LEFT JOIN defect_codes dc ON dc.code = ${key}`
	};
}
