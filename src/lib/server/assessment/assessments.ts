import { createHash } from 'node:crypto';
import type { Assessment, NewAssessment } from '$lib/domain/assessment/api';
import type { Catalogue } from '$lib/domain/assessment/catalogue';
import { emptyState } from '$lib/domain/assessment/workspace-state';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';
import { NotFoundError } from './errors';
import { rowFields } from './rows';

/** The stable hash of a catalogue snapshot: the same content gives the same hash on every machine. */
export function catalogueSha256(catalogue: Catalogue): string {
	return createHash('sha256').update(JSON.stringify(catalogue)).digest('hex');
}

const SELECT = `
	SELECT a.*, v.version AS latest_version, v.status AS latest_status,
		(SELECT max(f.version) FROM assessment_versions f
		 WHERE f.assessment_id = a.id AND f.status = 'final') AS final_version
	FROM assessments a
	JOIN assessment_versions v ON v.assessment_id = a.id
		AND v.version = (SELECT max(version) FROM assessment_versions WHERE assessment_id = a.id)`;

function toAssessment(r: PlainRow): Assessment {
	return {
		...rowFields(
			r,
			['id', 'latestVersion'],
			['name', 'site', 'periodFrom', 'periodTo', 'assessor', 'catalogueId', 'createdAt', 'createdBy']
		),
		latestStatus: r.latest_status === 'final' ? 'final' : 'draft',
		finalVersion: r.final_version === null ? null : Number(r.final_version)
	};
}

/** Newest first. */
export async function listAssessments(db: Database): Promise<Assessment[]> {
	return (await db.query(`${SELECT} ORDER BY a.period_to DESC, a.id DESC`)).map(toAssessment);
}

export async function getAssessment(db: Database, id: number): Promise<Assessment> {
	const [row] = await db.query(`${SELECT} WHERE a.id = $1`, [id]);
	if (!row) throw new NotFoundError('as.error.notFound.assessment', { id });
	return toAssessment(row);
}

/**
 * Creates the assessment and its first, empty draft in one transaction. The catalogue (the default
 * one or a certification body's sheet, already validated) is snapshotted into the version, so a later
 * change of the catalogue file never changes the score of an existing assessment.
 */
export async function createAssessment(
	db: Database,
	input: NewAssessment,
	catalogue: Catalogue,
	actor: string
): Promise<Assessment> {
	const id = await db.writeAside(async (conn) => {
		const [row] = await conn.all(`SELECT CAST(nextval('assessment_seq') AS INTEGER) AS id`);
		const newId = Number(row.id);
		await conn.run(
			`INSERT INTO assessments (id, name, site, period_from, period_to, assessor, catalogue_id, created_at, created_by)
			 VALUES ($1, $2, $3, CAST($4 AS DATE), CAST($5 AS DATE), $6, $7, current_localtimestamp(), $8)`,
			[newId, input.name, input.site, input.periodFrom, input.periodTo, input.assessor, catalogue.id, actor]
		);
		const sha = catalogueSha256(catalogue);
		await conn.run(
			`INSERT INTO assessment_versions (assessment_id, version, status, state, catalogue, catalogue_sha256,
				based_on, created_at, created_by, updated_at)
			 VALUES ($1, 1, 'draft', CAST($2 AS JSON), CAST($3 AS JSON), $4, NULL, current_localtimestamp(), $5,
				current_localtimestamp())`,
			[newId, JSON.stringify(emptyState()), JSON.stringify(catalogue), sha, actor]
		);
		await appendAudit(conn, {
			actor,
			action: 'assessment.create',
			entity: 'assessment',
			entityId: newId,
			detail: { ...input, catalogue: { id: catalogue.id, sha256: sha } }
		});
		return newId;
	});
	return getAssessment(db, id);
}
