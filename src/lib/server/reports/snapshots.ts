import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportDocument, ReportFormat, ReportKind } from '$lib/domain/reports/document';
import type { ReportFigures, ReportSnapshot } from '$lib/domain/reports/api';
import { withinScope } from '$lib/domain/auth/scope';
import { NO_SCOPE, type UserScope } from '$lib/domain/auth/user';
import { appendAudit } from '../audit/log';
import { scopeFromRow } from '../auth/user-row';
import type { Database } from '../db/connection';
import { sqlList } from '../db/sql';
import type { PlainRow } from '../db/values';
import { settings } from '../config';
import { ReportNotFoundError, SnapshotAlteredError } from './errors';

/**
 * Generated reports are immutable snapshots: the bytes as first delivered, stored content-addressed
 * under WORKBENCH_REPORTS (default data/reports) as `<sha256>`, with their hash and their figures in
 * report_snapshots. Downloading again months later returns those bytes, checked against the hash,
 * whatever was imported since; generating again makes a new report id.
 *
 * Each snapshot keeps the scope it was generated under. Every read here takes the reader's scope and
 * answers a report outside it as it answers an unknown id (404): the web pages, the API and the CLI
 * all read through these functions, so none shows a scoped user a report of more of the company.
 */

const MEDIA_TYPES: Record<ReportFormat, string> = {
	html: 'text/html; charset=utf-8',
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

export function mediaType(format: ReportFormat): string {
	return MEDIA_TYPES[format];
}

/** A new report id, taken before the report is drawn because the report prints it. */
export async function newReportId(db: Database): Promise<string> {
	const [seq] = await db.writeAside((conn) => conn.numbers(`SELECT nextval('report_seq')`));
	return `RPT-${String(seq).padStart(6, '0')}`;
}

/** The figures a snapshot keeps: the document without chart drawings (their tables stay). */
export function figuresOf(doc: ReportDocument): ReportFigures {
	return {
		id: doc.id,
		kind: doc.kind,
		title: doc.title,
		period: doc.period,
		sections: doc.sections.map((s) => ({
			id: s.id,
			title: s.title,
			blocks: s.blocks.map((b) => (b.type === 'chart' ? { type: 'table' as const, table: b.table } : b))
		}))
	};
}

function toSnapshot(r: PlainRow): ReportSnapshot {
	return {
		id: String(r.id),
		kind: String(r.kind) as ReportKind,
		format: String(r.format) as ReportFormat,
		lang: String(r.lang) === 'en' ? 'en' : 'zh-CN',
		period: String(r.period),
		filters: JSON.parse(String(r.filters)) as Record<string, string[]>,
		assessmentId: r.assessment_id === null ? null : Number(r.assessment_id),
		fileName: String(r.file_name),
		sha256: String(r.sha256),
		sizeBytes: Number(r.size_bytes),
		generatedAt: String(r.generated_at),
		generatedBy: String(r.generated_by),
		scope: scopeFromRow(r)
	};
}

const COLUMNS = `id, kind, format, lang, period, filters, assessment_id, file_name, sha256, size_bytes,
	strftime(generated_at, '%Y-%m-%d %H:%M:%S') AS generated_at, generated_by, scope_regions, scope_models`;

/** A scope list as stored: NULL where the report was not limited. */
const scopeList = (values: string[] | undefined) => (values?.length ? sqlList('VARCHAR', values) : null);

export interface StoreInput {
	doc: ReportDocument;
	format: ReportFormat;
	bytes: Buffer;
	fileName: string;
	assessmentId?: number | null;
}

/** Writes the bytes (once per content), then records the snapshot and its audit entry together. */
export async function storeSnapshot(db: Database, input: StoreInput): Promise<ReportSnapshot> {
	const { doc, format, bytes } = input;
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const dir = settings().WORKBENCH_REPORTS;
	await mkdir(dir, { recursive: true });
	const temp = join(dir, `.${doc.id}.tmp`);
	await writeFile(temp, bytes);
	await rename(temp, join(dir, sha256));
	await db.writeAside(async (conn) => {
		await conn.run(
			`INSERT INTO report_snapshots (id, kind, format, lang, period, filters, assessment_id, file_name, sha256,
				size_bytes, figures, generated_at, generated_by, scope_regions, scope_models)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::TIMESTAMP, $13, $14, $15)`,
			[
				doc.id,
				doc.kind,
				format,
				doc.lang,
				doc.period,
				JSON.stringify(doc.filters),
				input.assessmentId ?? null,
				input.fileName,
				sha256,
				bytes.length,
				JSON.stringify(figuresOf(doc)),
				doc.generatedAt,
				doc.generatedBy,
				scopeList(doc.scope?.regions),
				scopeList(doc.scope?.models)
			]
		);
		await appendAudit(conn, {
			actor: doc.generatedBy,
			action: 'report.generate',
			entity: 'report',
			entityId: doc.id,
			detail: { kind: doc.kind, format, period: doc.period, filters: doc.filters, sha256 }
		});
	});
	return getSnapshot(db, doc.id, doc.scope ?? NO_SCOPE);
}

/** The reports `viewer` may see (those made within their scope), newest first. */
export async function listSnapshots(db: Database, viewer: UserScope): Promise<ReportSnapshot[]> {
	return (await db.query(`SELECT ${COLUMNS} FROM report_snapshots ORDER BY generated_at DESC, id DESC`))
		.map(toSnapshot)
		.filter((s) => withinScope(s.scope, viewer));
}

/** A report `viewer` may see; one outside their scope is not found, exactly like an unknown id. */
export async function getSnapshot(db: Database, id: string, viewer: UserScope): Promise<ReportSnapshot> {
	const [row] = await db.query(`SELECT ${COLUMNS} FROM report_snapshots WHERE id = $1`, [id]);
	const snapshot = row ? toSnapshot(row) : null;
	if (!snapshot || !withinScope(snapshot.scope, viewer)) throw new ReportNotFoundError(id);
	return snapshot;
}

export async function snapshotFigures(db: Database, id: string, viewer: UserScope): Promise<ReportFigures> {
	await getSnapshot(db, id, viewer);
	const [row] = await db.query(`SELECT figures FROM report_snapshots WHERE id = $1`, [id]);
	return JSON.parse(String(row.figures)) as ReportFigures;
}

/** The stored bytes, refused if they no longer match the hash recorded when they were made. */
export async function snapshotBytes(
	db: Database,
	id: string,
	viewer: UserScope
): Promise<{ snapshot: ReportSnapshot; bytes: Buffer }> {
	const snapshot = await getSnapshot(db, id, viewer);
	const bytes = await readFile(join(settings().WORKBENCH_REPORTS, snapshot.sha256)).catch(() => null);
	if (!bytes || createHash('sha256').update(bytes).digest('hex') !== snapshot.sha256) {
		throw new SnapshotAlteredError(id);
	}
	return { snapshot, bytes };
}
