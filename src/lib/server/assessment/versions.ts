import type { AssessmentVersion, VersionSummary } from '$lib/domain/assessment/api';
import type { Catalogue } from '$lib/domain/assessment/catalogue';
import { stateDiff } from '$lib/domain/assessment/compare';
import { stateSchema } from '$lib/domain/assessment/workspace-state';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import type { Sql } from '../db/sql';
import type { PlainRow } from '../db/values';
import { checkState, missingLeaves } from './check';
import { DraftExistsError, LockedError, NotFoundError } from './errors';

/**
 * Versions of an assessment: draft → final. A final version is locked — every write here checks the
 * status inside the same transaction as the change, so two requests cannot both edit or finalise.
 */

const SUMMARY = `assessment_id, version, status, based_on, created_at, created_by, updated_at, finalised_at,
	finalised_by, catalogue_sha256`;

function toSummary(r: PlainRow): VersionSummary {
	return {
		assessmentId: Number(r.assessment_id),
		version: Number(r.version),
		status: r.status === 'final' ? 'final' : 'draft',
		basedOn: r.based_on === null ? null : Number(r.based_on),
		createdAt: String(r.created_at),
		createdBy: String(r.created_by),
		updatedAt: String(r.updated_at),
		finalisedAt: r.finalised_at === null ? null : String(r.finalised_at),
		finalisedBy: r.finalised_by === null ? null : String(r.finalised_by),
		catalogueSha256: String(r.catalogue_sha256)
	};
}

function toVersion(r: PlainRow): AssessmentVersion {
	return {
		...toSummary(r),
		// stored states were validated when written; parse again so defaults of newer fields apply
		state: stateSchema.parse(JSON.parse(String(r.state))),
		catalogue: JSON.parse(String(r.catalogue)) as Catalogue
	};
}

export async function listVersions(db: Database, assessmentId: number): Promise<VersionSummary[]> {
	const rows = await db.query(
		`SELECT ${SUMMARY} FROM assessment_versions WHERE assessment_id = $1 ORDER BY version`,
		[assessmentId]
	);
	return rows.map(toSummary);
}

const FULL = `SELECT ${SUMMARY}, CAST(state AS VARCHAR) AS state, CAST(catalogue AS VARCHAR) AS catalogue
	FROM assessment_versions`;

/** One version; `version` omitted → the newest. */
export async function getVersion(
	db: Database,
	assessmentId: number,
	version?: number
): Promise<AssessmentVersion> {
	const rows =
		version === undefined
			? await db.query(`${FULL} WHERE assessment_id = $1 ORDER BY version DESC LIMIT 1`, [assessmentId])
			: await db.query(`${FULL} WHERE assessment_id = $1 AND version = $2`, [assessmentId, version]);
	if (!rows[0])
		throw version === undefined
			? new NotFoundError('as.error.notFound.latest', { id: assessmentId })
			: new NotFoundError('as.error.notFound.version', { id: assessmentId, version });
	return toVersion(rows[0]);
}

/** Reads the version inside a write transaction; refuses a final one. */
async function draftOn(conn: Sql, assessmentId: number, version: number): Promise<AssessmentVersion> {
	const [row] = await conn.all(`${FULL} WHERE assessment_id = $1 AND version = $2`, [assessmentId, version]);
	if (!row) throw new NotFoundError('as.error.notFound.version', { id: assessmentId, version });
	const current = toVersion(row);
	if (current.status === 'final') throw new LockedError(assessmentId, version);
	return current;
}

/** Refuses writes that hang off a version (evidence) when that version is final. */
export async function assertDraftOn(conn: Sql, assessmentId: number, version: number): Promise<void> {
	await draftOn(conn, assessmentId, version);
}

const entityId = (assessmentId: number, version: number) => `${assessmentId}/${version}`;

/** Replaces a draft's state (validated against the version's catalogue); audited with what changed. */
export async function saveDraft(
	db: Database,
	assessmentId: number,
	version: number,
	input: unknown,
	actor: string
): Promise<AssessmentVersion> {
	const state = stateSchema.parse(input);
	await db.writeAside(async (conn) => {
		const current = await draftOn(conn, assessmentId, version);
		checkState(current.catalogue, state);
		await conn.run(
			`UPDATE assessment_versions SET state = CAST($3 AS JSON), updated_at = current_localtimestamp()
			 WHERE assessment_id = $1 AND version = $2`,
			[assessmentId, version, JSON.stringify(state)]
		);
		await appendAudit(conn, {
			actor,
			action: 'version.save',
			entity: 'assessment_version',
			entityId: entityId(assessmentId, version),
			detail: stateDiff(current.state, state)
		});
	});
	return getVersion(db, assessmentId, version);
}

/** Locks a draft. Refused while any leaf is unassessed (the score would only be provisional). */
export async function finaliseVersion(
	db: Database,
	assessmentId: number,
	version: number,
	actor: string
): Promise<AssessmentVersion> {
	await db.writeAside(async (conn) => {
		const current = await draftOn(conn, assessmentId, version);
		checkState(current.catalogue, current.state);
		missingLeaves(current.catalogue, current.state, true);
		await conn.run(
			`UPDATE assessment_versions SET status = 'final', finalised_at = current_localtimestamp(), finalised_by = $3
			 WHERE assessment_id = $1 AND version = $2`,
			[assessmentId, version, actor]
		);
		await appendAudit(conn, {
			actor,
			action: 'version.finalise',
			entity: 'assessment_version',
			entityId: entityId(assessmentId, version),
			detail: { state: current.state, catalogueSha256: current.catalogueSha256 }
		});
	});
	return getVersion(db, assessmentId, version);
}

/**
 * Starts the next version as a draft holding a copy of `from`'s state and catalogue — for next year's
 * surveillance audit or to correct a finalised one. Only one draft at a time.
 */
export async function newDraftFrom(
	db: Database,
	assessmentId: number,
	from: number,
	actor: string
): Promise<AssessmentVersion> {
	const next = await db.writeAside(async (conn) => {
		const rows = await conn.all(
			`SELECT version, status FROM assessment_versions WHERE assessment_id = $1 ORDER BY version`,
			[assessmentId]
		);
		if (!rows.some((r) => Number(r.version) === from))
			throw new NotFoundError('as.error.notFound.version', { id: assessmentId, version: from });
		const draft = rows.find((r) => r.status === 'draft');
		if (draft) throw new DraftExistsError(Number(draft.version));
		const version = Math.max(...rows.map((r) => Number(r.version))) + 1;
		await conn.run(
			`INSERT INTO assessment_versions (assessment_id, version, status, state, catalogue, catalogue_sha256,
				based_on, created_at, created_by, updated_at)
			 SELECT assessment_id, $3, 'draft', state, catalogue, catalogue_sha256, version,
				current_localtimestamp(), $4, current_localtimestamp()
			 FROM assessment_versions WHERE assessment_id = $1 AND version = $2`,
			[assessmentId, from, version, actor]
		);
		await appendAudit(conn, {
			actor,
			action: 'version.new_draft',
			entity: 'assessment_version',
			entityId: entityId(assessmentId, version),
			detail: { basedOn: from }
		});
		return version;
	});
	return getVersion(db, assessmentId, next);
}
