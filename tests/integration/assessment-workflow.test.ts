import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as audit from '../../src/lib/server/audit/log';
import { readAudit } from '../../src/lib/server/audit/log';
import { createAssessment, listAssessments } from '../../src/lib/server/assessment/assessments';
import { compareVersions } from '../../src/lib/server/assessment/compare';
import { LockedError, ProvisionalError, WorkspaceError } from '../../src/lib/server/assessment/errors';
import {
	finaliseVersion,
	getVersion,
	listVersions,
	newDraftFrom,
	saveDraft
} from '../../src/lib/server/assessment/versions';
import { emptyState, type AssessmentState } from '../../src/lib/domain/assessment/workspace-state';
import { errorResponse } from '../../src/lib/server/http/api';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { count, tempDatabase } from '../helpers/temp-db';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? sources(join(dir, entry.name))
			: /\.(ts|svelte)$/.test(entry.name)
				? [join(dir, entry.name)]
				: []
	);
}

describe('assessment versions: draft → final (locked) → new draft', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
	});
	afterAll(() => ctx.remove());

	const allConform: AssessmentState = {
		...emptyState(),
		items: {
			'1.1.1': { status: 'conform' },
			'1.2.1': { status: 'conform' },
			'1.2.2': { status: 'sampled', samples: 10, conforming: 5 },
			'2.1.1': { status: 'nonconform' },
			'2.1.2': { status: 'excluded' }
		},
		notes: { '1.1.1': '组织架构图 2024 版' },
		overrides: {
			'2.1.1': { decision: 'overridden', proposed: 'conform', value: 0.93, reason: '抽查发现记录不全' }
		}
	};

	it('creates an assessment with an empty first draft and an audit entry', async () => {
		const a = await createAssessment(ctx.db, PERIOD, smallCatalogue(), 'web');
		expect(a).toMatchObject({
			id: 1,
			name: PERIOD.name,
			latestVersion: 1,
			latestStatus: 'draft',
			finalVersion: null
		});
		expect(a.periodFrom).toBe('2024-01-01');
		const v = await getVersion(ctx.db, a.id, 1);
		expect(v.status).toBe('draft');
		expect(v.state).toEqual(emptyState());
		expect(v.catalogue.id).toBe('test-catalogue');
		expect(v.catalogueSha256).toMatch(/^[0-9a-f]{64}$/);
		const entries = await readAudit(ctx.db, { entity: 'assessment' });
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ actor: 'web', action: 'assessment.create', entityId: '1' });
		expect(await listAssessments(ctx.db)).toHaveLength(1);
	});

	it('refuses to finalise a provisional draft and lists the missing leaves', async () => {
		await saveDraft(ctx.db, 1, 1, { ...emptyState(), items: { '1.1.1': { status: 'conform' } } }, 'web');
		const error = await finaliseVersion(ctx.db, 1, 1, 'web').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ProvisionalError);
		expect((error as ProvisionalError).missing).toEqual(['1.2.1', '1.2.2', '2.1.1', '2.1.2']);
		const response = errorResponse(error, 'en');
		expect(response.status).toBe(409);
		expect(await response.json()).toMatchObject({
			code: 'provisional',
			missing: ['1.2.1', '1.2.2', '2.1.1', '2.1.2']
		});
		expect((await getVersion(ctx.db, 1, 1)).status).toBe('draft');
	});

	it('validates a draft against its catalogue', async () => {
		const bad = {
			...emptyState(),
			items: { '9.9': { status: 'conform' }, '1.2.2': { status: 'sampled', samples: 3, conforming: 5 } }
		};
		const error = (await saveDraft(ctx.db, 1, 1, bad, 'web').catch((e: unknown) => e)) as WorkspaceError;
		expect(error.status).toBe(422);
		expect(error.message).toContain('9.9');
		expect(error.message).toContain('conforming (5) is more than samples (3)');
	});

	it('saves a draft, audits what changed, finalises it and locks it', async () => {
		const saved = await saveDraft(ctx.db, 1, 1, allConform, 'web');
		expect(saved.state).toEqual(allConform);
		const [entry] = await readAudit(ctx.db, { entity: 'assessment_version', entityId: '1/1' });
		expect(entry.action).toBe('version.save');
		const detail = entry.detail as { items: { leafId: string }[]; notes: unknown[]; overrides: unknown[] };
		expect(detail.items.map((i) => i.leafId).sort()).toEqual(['1.2.1', '1.2.2', '2.1.1', '2.1.2']);
		expect(detail.notes).toHaveLength(1);
		expect(detail.overrides).toHaveLength(1);

		const final = await finaliseVersion(ctx.db, 1, 1, 'auditor-li');
		expect(final.status).toBe('final');
		expect(final.finalisedBy).toBe('auditor-li');
		expect(final.finalisedAt).not.toBeNull();

		const edit = await saveDraft(ctx.db, 1, 1, emptyState(), 'web').catch((e: unknown) => e);
		expect(edit).toBeInstanceOf(LockedError);
		expect(errorResponse(edit, 'zh-CN').status).toBe(409);
		expect(await finaliseVersion(ctx.db, 1, 1, 'web').catch((e: unknown) => e)).toBeInstanceOf(LockedError);
		expect((await getVersion(ctx.db, 1, 1)).state).toEqual(allConform);
	});

	it('starts a new draft from the final version with a copy of its state', async () => {
		const draft = await newDraftFrom(ctx.db, 1, 1, 'web');
		expect(draft).toMatchObject({ version: 2, status: 'draft', basedOn: 1 });
		expect(draft.state).toEqual(allConform);
		expect(draft.catalogueSha256).toBe((await getVersion(ctx.db, 1, 1)).catalogueSha256);
		// only one draft at a time
		const again = (await newDraftFrom(ctx.db, 1, 1, 'web').catch((e: unknown) => e)) as WorkspaceError;
		expect(again.code).toBe('draft_exists');
		await saveDraft(
			ctx.db,
			1,
			2,
			{ ...allConform, items: { ...allConform.items, '2.1.1': { status: 'conform' } } },
			'web'
		);
		expect((await listVersions(ctx.db, 1)).map((v) => [v.version, v.status])).toEqual([
			[1, 'final'],
			[2, 'draft']
		]);
		const cmp = await compareVersions(
			ctx.db,
			{ assessmentId: 1, version: 1 },
			{ assessmentId: 1, version: 2 }
		);
		expect(cmp.changed.map((c) => c.leafId)).toEqual(['2.1.1']);
		// 1.1.1 40 + 1.2.1 20 + 1.2.2 10 of 90 applicable → 77.78; with 2.1.1 conforming 80 of 90 → 88.89
		expect(cmp.a.score.score).toBeCloseTo(77.777777778, 6);
		expect(cmp.a.score.level).toBe('compliant');
		expect(cmp.b.score.score).toBeCloseTo(88.888888889, 6);
		expect(cmp.b.score.level).toBe('three-star');
	});

	it('writes one audit row for each write, and the audit module offers no way to change them', async () => {
		// create, save (provisional), save, finalise, new draft, save — the failed writes left nothing
		expect(await count(ctx.db, 'SELECT count(*) FROM audit_log')).toBe(6);
		const actions = (await readAudit(ctx.db)).map((e) => e.action).reverse();
		expect(actions).toEqual([
			'assessment.create',
			'version.save',
			'version.save',
			'version.finalise',
			'version.new_draft',
			'version.save'
		]);
		expect(Object.keys(audit).sort()).toEqual(['appendAudit', 'readAudit', 'recordAudit']);
		// no code anywhere updates or deletes audit rows, and no route touches the table
		for (const file of sources(join(ROOT, 'src'))) {
			const text = readFileSync(file, 'utf8');
			expect(text, file).not.toMatch(
				/UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|TRUNCATE\s+audit_log|DROP\s+TABLE\s+audit_log/i
			);
			if (file.includes('/routes/')) expect(text, file).not.toMatch(/audit_log|appendAudit/);
		}
	});
});
