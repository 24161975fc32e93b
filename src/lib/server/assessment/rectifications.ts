import type { NewRectification, OverdueRectification, RectificationPatch } from '$lib/domain/assessment/api';
import {
	today,
	type Rectification,
	type RectificationStatus
} from '$lib/domain/assessment/rectification-plan';
import { appendAudit } from '../audit/log';
import type { Database } from '../db/connection';
import type { PlainRow } from '../db/values';
import { assertLeaf } from './check';
import { InvalidAssessmentError, NotFoundError } from './errors';
import { insertAudited, rowFields } from './rows';
import { getVersion } from './versions';
import { cachedAside } from '../metrics/cache';

/**
 * The rectification tracker: corrective actions for nonconforming check items and special deductions.
 * Actions belong to the assessment, not to a version, and stay editable after finalisation: the plan
 * is worked through in the months after the audit, while the assessed result itself stays locked.
 * No delete: a dropped action is set to done with a note, so the history of the plan stays whole.
 */

function toRectification(r: PlainRow): Rectification {
	return {
		...rowFields(r, ['id', 'assessmentId'], ['action', 'owner', 'dueDate', 'createdAt', 'updatedAt']),
		source: r.source === 'deduction' ? 'deduction' : 'leaf',
		leafId: r.leaf_id === null ? null : String(r.leaf_id),
		deductionIndex: r.deduction_index === null ? null : Number(r.deduction_index),
		status: String(r.status) as RectificationStatus
	};
}

export async function listRectifications(db: Database, assessmentId: number): Promise<Rectification[]> {
	const rows = await db.query(`SELECT * FROM rectifications WHERE assessment_id = $1 ORDER BY id`, [
		assessmentId
	]);
	return rows.map(toRectification);
}

/** Records an action for a leaf of the assessment's catalogue or a deduction of its newest version. */
export async function createRectification(
	db: Database,
	assessmentId: number,
	input: NewRectification,
	actor: string
): Promise<Rectification> {
	const latest = await getVersion(db, assessmentId);
	const leafId = input.source === 'leaf' ? (input.leafId ?? null) : null;
	const deductionIndex = input.source === 'deduction' ? (input.deductionIndex ?? null) : null;
	if (input.source === 'leaf') assertLeaf(latest.catalogue, leafId);
	if (
		input.source === 'deduction' &&
		(deductionIndex === null || deductionIndex < 0 || deductionIndex >= latest.state.deductions.length)
	)
		throw new InvalidAssessmentError('as.error.noDeduction', { n: String(deductionIndex) });
	return db.writeAside(async (conn) => {
		return insertAudited(
			conn,
			{
				sql: `INSERT INTO rectifications (id, assessment_id, source, leaf_id, deduction_index, action, owner, due_date,
					status, created_at, updated_at)
				 VALUES (nextval('rectification_seq'), $1, $2, $3, $4, $5, $6, CAST($7 AS DATE), $8,
					current_localtimestamp(), current_localtimestamp()) RETURNING *`,
				params: [
					assessmentId,
					input.source,
					leafId,
					deductionIndex,
					input.action,
					input.owner,
					input.dueDate,
					input.status ?? 'open'
				]
			},
			toRectification,
			{
				actor,
				action: 'rectification.create',
				entity: 'rectification',
				detail: { assessmentId, ...input, leafId, deductionIndex }
			}
		);
	});
}

const COLUMNS = { action: 'action', owner: 'owner', dueDate: 'due_date', status: 'status' } as const;

/** Changes an action's text, owner, due date or status; the audit entry holds old and new values. */
export async function updateRectification(
	db: Database,
	assessmentId: number,
	id: number,
	patch: RectificationPatch,
	actor: string
): Promise<Rectification> {
	return db.writeAside(async (conn) => {
		const [row] = await conn.all(`SELECT * FROM rectifications WHERE assessment_id = $1 AND id = $2`, [
			assessmentId,
			id
		]);
		if (!row) throw new NotFoundError('as.error.notFound.rectification', { id });
		const before = toRectification(row);
		const changes = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter(
			(k) => patch[k] !== undefined && patch[k] !== before[k]
		);
		if (!changes.length) return before;
		const sets = changes.map(
			(k, i) => `${COLUMNS[k]} = ${k === 'dueDate' ? `CAST($${i + 2} AS DATE)` : `$${i + 2}`}`
		);
		const [updated] = await conn.all(
			`UPDATE rectifications SET ${sets.join(', ')}, updated_at = current_localtimestamp()
			 WHERE id = $1 RETURNING *`,
			[id, ...changes.map((k) => patch[k] as string)]
		);
		await appendAudit(conn, {
			actor,
			action: 'rectification.update',
			entity: 'rectification',
			entityId: id,
			detail: Object.fromEntries(changes.map((k) => [k, { before: before[k], after: patch[k] }]))
		});
		return toRectification(updated);
	});
}

/**
 * Open actions across all assessments by due date; daysOverdue is positive once the due date has
 * passed on `day` (the monthly review lists them all).
 */
export async function openRectifications(db: Database, day = today()): Promise<OverdueRectification[]> {
	const rows = await db.query(
		`SELECT r.*, a.name AS assessment_name, a.site, date_diff('day', r.due_date, CAST($1 AS DATE)) AS days_overdue
		 FROM rectifications r JOIN assessments a ON a.id = r.assessment_id
		 WHERE r.status <> 'done'
		 ORDER BY r.due_date, r.id`,
		[day]
	);
	return rows.map((r) => ({
		...toRectification(r),
		assessmentName: String(r.assessment_name),
		site: String(r.site),
		daysOverdue: Number(r.days_overdue)
	}));
}

/** Open actions past their due date across all assessments, most overdue first (for the overview). */
export async function overdueRectifications(db: Database, day = today()): Promise<OverdueRectification[]> {
	return (await openRectifications(db, day)).filter((r) => r.daysOverdue > 0);
}

/** For the overview page: overdue actions; a failure shows as none, not as a broken page. */
export async function overdueForOverview(db: Database): Promise<OverdueRectification[]> {
	// Every overview asks; it changes with the day and when an action is written (a write aside).
	const day = today();
	return cachedAside(db, JSON.stringify(['overdue-rectifications', day]), () =>
		overdueRectifications(db, day)
	).catch(() => []);
}
