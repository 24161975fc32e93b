import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaves } from '../../src/lib/domain/assessment/catalogue';
import { isOverdue, rectificationPlan } from '../../src/lib/domain/assessment/rectification-plan';
import { emptyState, type AssessmentState } from '../../src/lib/domain/assessment/workspace-state';
import { readAudit } from '../../src/lib/server/audit/log';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { WorkspaceError } from '../../src/lib/server/assessment/errors';
import { metricProposals } from '../../src/lib/server/assessment/metric-proposals';
import {
	createRectification,
	listRectifications,
	overdueForOverview,
	overdueRectifications,
	updateRectification
} from '../../src/lib/server/assessment/rectifications';
import { finaliseVersion, newDraftFrom, saveDraft } from '../../src/lib/server/assessment/versions';
import { latestFinalAssessment } from '../../src/lib/server/assessment/view';
import { importFile } from '../../src/lib/server/ingest';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { tempDatabase } from '../helpers/temp-db';

const state: AssessmentState = {
	...emptyState(),
	items: {
		'1.1.1': { status: 'conform' },
		'1.2.1': { status: 'nonconform' },
		'1.2.2': { status: 'sampled', samples: 4, conforming: 3 },
		'2.1.1': { status: 'nonconform' },
		'2.1.2': { status: 'conform' }
	},
	deductions: [{ reason: '未按承诺时限上门', rectification: '修订上门时限并培训' }]
};

describe('rectification tracker', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	const order = leaves(smallCatalogue()).map((l) => l.id);
	beforeAll(async () => {
		ctx = await tempDatabase();
		await createAssessment(ctx.db, PERIOD, smallCatalogue(), 'web');
		await saveDraft(ctx.db, 1, 1, state, 'web');
	});
	afterAll(() => ctx.remove());

	it('asks for an action on every nonconforming leaf and every special deduction', async () => {
		const plan = rectificationPlan(state, order, await listRectifications(ctx.db, 1));
		expect(plan.map((e) => [e.key, e.required, e.actions.length])).toEqual([
			['leaf:1.2.1', true, 0],
			['leaf:2.1.1', true, 0],
			['deduction:0', true, 0]
		]);
	});

	it('records actions (audited) and matches them to the items', async () => {
		await createRectification(
			ctx.db,
			1,
			{ source: 'leaf', leafId: '1.2.1', action: '组织管理师认证培训', owner: '王五', dueDate: '2025-03-31' },
			'web'
		);
		await createRectification(
			ctx.db,
			1,
			{
				source: 'deduction',
				deductionIndex: 0,
				action: '修订服务承诺',
				owner: '赵六',
				dueDate: '2025-01-15'
			},
			'web'
		);
		const bad = (await createRectification(
			ctx.db,
			1,
			{ source: 'deduction', deductionIndex: 3, action: 'x', owner: 'y', dueDate: '2025-01-15' },
			'web'
		).catch((e: unknown) => e)) as WorkspaceError;
		expect(bad.status).toBe(422);
		const plan = rectificationPlan(state, order, await listRectifications(ctx.db, 1));
		expect(plan.map((e) => [e.key, e.actions.map((a) => a.owner)])).toEqual([
			['leaf:1.2.1', ['王五']],
			['leaf:2.1.1', []],
			['deduction:0', ['赵六']]
		]);
		expect((await readAudit(ctx.db, { entity: 'rectification' })).map((e) => e.action)).toEqual([
			'rectification.create',
			'rectification.create'
		]);
	});

	it('flags open actions past their due date, and not once done; stays editable after finalisation', async () => {
		const [leafAction, deductionAction] = await listRectifications(ctx.db, 1);
		expect(isOverdue(deductionAction, '2025-01-15')).toBe(false);
		expect(isOverdue(deductionAction, '2025-01-16')).toBe(true);
		const overdue = await overdueRectifications(ctx.db, '2025-02-01');
		expect(overdue.map((r) => [r.id, r.assessmentName, r.daysOverdue])).toEqual([
			[deductionAction.id, PERIOD.name, 17]
		]);
		expect((await overdueRectifications(ctx.db, '2025-04-01')).map((r) => r.id)).toEqual([
			deductionAction.id,
			leafAction.id
		]);

		await saveDraft(
			ctx.db,
			1,
			1,
			{ ...state, items: { ...state.items, '2.1.1': { status: 'conform' } } },
			'web'
		);
		await finaliseVersion(ctx.db, 1, 1, 'web');
		const done = await updateRectification(ctx.db, 1, deductionAction.id, { status: 'done' }, 'web');
		expect(done.status).toBe('done');
		expect((await overdueRectifications(ctx.db, '2025-04-01')).map((r) => r.id)).toEqual([leafAction.id]);
		const [entry] = await readAudit(ctx.db, {
			entity: 'rectification',
			entityId: String(deductionAction.id)
		});
		expect(entry).toMatchObject({
			action: 'rectification.update',
			detail: { status: { before: 'open', after: 'done' } }
		});
	});

	it("keeps the overview's standing and overdue actions only until an assessment or action is written", async () => {
		const [leafAction] = await listRectifications(ctx.db, 1);
		expect((await overdueForOverview(ctx.db)).map((r) => r.id)).toContain(leafAction.id);
		await updateRectification(ctx.db, 1, leafAction.id, { status: 'done' }, 'web');
		expect((await overdueForOverview(ctx.db)).map((r) => r.id)).not.toContain(leafAction.id);

		expect((await latestFinalAssessment(ctx.db))?.version.version).toBe(1);
		await newDraftFrom(ctx.db, 1, 1, 'web');
		await finaliseVersion(ctx.db, 1, 2, 'web');
		expect((await latestFinalAssessment(ctx.db))?.version.version).toBe(2);
	});
});

describe('metric proposals', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	beforeAll(async () => {
		ctx = await tempDatabase();
		await importFile(ctx.db, join(import.meta.dirname, '../fixtures/metrics/service/complaints-sla.csv'), {
			kind: 'complaint'
		});
	});
	afterAll(() => ctx.remove());

	it('aggregates the metric over the period and proposes a status against the threshold', async () => {
		// resolution within 48 h: May 1 of 4, June none, July 1 of 1 → weighted 2 / 5 = 0.4 < 0.9
		const [proposal] = await metricProposals(ctx.db, smallCatalogue(), {
			from: '2024-01-01',
			to: '2024-12-31'
		});
		expect(proposal).toMatchObject({ leafId: '2.1.1', proposed: 'nonconform', months: 2, error: null });
		expect(proposal.value).toBeCloseTo(0.4, 12);
		// only July: 1 of 1
		const [july] = await metricProposals(ctx.db, smallCatalogue(), { from: '2024-07-01', to: '2024-07-31' });
		expect(july).toMatchObject({ value: 1, proposed: 'conform' });
		// no data in the period: no value, no proposal
		const [empty] = await metricProposals(ctx.db, smallCatalogue(), { from: '2023-01-01', to: '2023-12-31' });
		expect(empty).toMatchObject({ value: null, proposed: null, error: null });
	});
});
