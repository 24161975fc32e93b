import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import { formatValue } from '../../src/lib/charts/format';
import { score } from '../../src/lib/domain/assessment/scoring';
import { scoringInput, type AssessmentState } from '../../src/lib/domain/assessment/workspace-state';
import type { ReportFigures } from '../../src/lib/domain/reports/api';
import type { ReportFact } from '../../src/lib/domain/reports/document';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { saveEvidence } from '../../src/lib/server/assessment/evidence';
import { createRectification } from '../../src/lib/server/assessment/rectifications';
import { finaliseVersion, getVersion, saveDraft } from '../../src/lib/server/assessment/versions';
import { ReportError } from '../../src/lib/server/reports/errors';
import { generateReport } from '../../src/lib/server/reports/generate';
import { snapshotBytes, snapshotFigures } from '../../src/lib/server/reports/snapshots';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { importDemoData } from '../helpers/demo-data';
import { tempDatabase } from '../helpers/temp-db';

const NOW = new Date('2025-03-01T08:00:00Z');
const EVIDENCE = Buffer.from('%PDF-1.7 组织架构图 2024 版\n'.repeat(200));
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** 40 + 16 (8 of 10 samples) + 0 + 10 earned of 90 applicable (2.1.2 excluded), one deduction: 72.33, compliant. */
const STATE: AssessmentState = {
	items: {
		'1.1.1': { status: 'conform' },
		'1.2.1': { status: 'sampled', samples: 10, conforming: 8 },
		'1.2.2': { status: 'nonconform' },
		'2.1.1': { status: 'conform' },
		'2.1.2': { status: 'excluded' }
	},
	deductions: [{ reason: '未公示维修收费标准', rectification: '在所有网点公示收费标准' }],
	merit: null,
	notes: { '2.1.2': '本公司投诉由集团统一受理，不在本评价范围' },
	overrides: { '2.1.1': { decision: 'accepted', proposed: 'conform', value: 0.93 } }
};

let env: Awaited<ReturnType<typeof tempDatabase>>;
let assessmentId: number;
let draftOnly: number;

beforeAll(async () => {
	env = await tempDatabase();
	process.env.WORKBENCH_REPORTS = join(env.dir, 'reports');
	process.env.WORKBENCH_EVIDENCE = join(env.dir, 'evidence');
	await importDemoData(env.db);
	const a = await createAssessment(env.db, PERIOD, smallCatalogue(), 'tester');
	assessmentId = a.id;
	await saveDraft(env.db, a.id, 1, STATE, 'tester');
	await saveEvidence(
		env.db,
		{ assessmentId: a.id, version: 1, leafId: '1.1.1', fileName: '组织架构图.pdf' },
		new Blob([new Uint8Array(EVIDENCE)]).stream(),
		'tester'
	);
	await createRectification(
		env.db,
		a.id,
		{ source: 'leaf', leafId: '1.2.2', action: '补做年度培训并考核', owner: '李四', dueDate: '2025-02-01' },
		'tester'
	);
	await createRectification(
		env.db,
		a.id,
		{
			source: 'deduction',
			deductionIndex: 0,
			action: '网点张贴收费标准',
			owner: '王五',
			dueDate: '2025-06-30'
		},
		'tester'
	);
	await finaliseVersion(env.db, a.id, 1, 'tester');
	draftOnly = (await createAssessment(env.db, { ...PERIOD, name: '草稿评估' }, smallCatalogue(), 'tester'))
		.id;
}, 180_000);

afterAll(() => {
	delete process.env.WORKBENCH_REPORTS;
	delete process.env.WORKBENCH_EVIDENCE;
	env.remove();
});

const request = (format: 'html' | 'pdf' | 'xlsx', extra: Record<string, unknown> = {}) => ({
	kind: 'gbt27922' as const,
	format,
	lang: 'zh-CN' as const,
	assessmentId,
	filters: {},
	...extra
});

function table(figures: ReportFigures, id: string) {
	for (const section of figures.sections)
		for (const block of section.blocks)
			if (block.type === 'table' && block.table.id === id) return block.table;
	throw new Error(`no table ${id}`);
}

function facts(figures: ReportFigures, sectionId: string): ReportFact[] {
	const section = figures.sections.find((s) => s.id === sectionId)!;
	return section.blocks.flatMap((b) => (b.type === 'facts' ? b.facts : []));
}

/** The documented draw, recomputed with node:crypto over every candidate id the database holds. */
async function redraw(sql: string, seed: string, n: number): Promise<string[]> {
	const ids = (await env.db.query(sql)).map((r) => String(r.id));
	return ids
		.map((id) => ({ id, key: sha(`${seed}:${id}`) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
		.slice(0, n)
		.map((c) => c.id);
}

const CANDIDATES = {
	repair: `SELECT repair_id AS id FROM repairs WHERE received_at >= DATE '2024-01-01' AND received_at < DATE '2025-01-01'`,
	complaint: `SELECT complaint_id AS id FROM complaints
		WHERE received_at >= DATE '2024-01-01' AND received_at < DATE '2025-01-01' AND resolved_at IS NOT NULL`,
	survey: `SELECT response_id AS id FROM surveys WHERE responded_at >= DATE '2024-01-01' AND responded_at < DATE '2025-01-01'`
};

describe('GB/T 27922 audit pack', () => {
	it('carries score() of the final version, evidence hashes and the assessment period', async () => {
		const snapshot = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		expect(snapshot.period).toBe('2024-01-01..2024-12-31');
		expect(snapshot.assessmentId).toBe(assessmentId);
		const figures = await snapshotFigures(env.db, snapshot.id, NO_SCOPE);
		const final = await getVersion(env.db, assessmentId, 1);
		const expected = score(final.catalogue, scoringInput(final.state));
		expect(expected.score).toBeCloseTo(72.333333333, 6);

		const rows = table(figures, 'indicators').rows;
		expect(rows.map((r) => r.id)).toEqual(final.catalogue.items.map((i) => i.id));
		for (const [id, s] of Object.entries(expected.perItem)) {
			const row = rows.find((r) => r.id === id)!;
			expect({ points: row.points, earned: row.earned, applicable: row.applicable }).toEqual({
				points: s.points,
				earned: s.earned,
				applicable: s.applicable
			});
		}
		for (const i of expected.perIndicator) {
			const row = rows.find((r) => r.id === i.id)!;
			expect([row.points, row.earned, row.applicable, row.attainment]).toEqual([
				i.points,
				i.earned,
				i.applicable,
				i.attainment
			]);
		}
		expect(rows.find((r) => r.id === '1.2.1')).toMatchObject({ status: '抽样', samples: 10, conforming: 8 });
		const cover = facts(figures, 'cover');
		expect(cover.find((f) => f.label === '得分')?.value).toBe(expected.score);
		expect(cover.find((f) => f.label === '推荐等级')?.value).toBe('达标级');

		expect(table(figures, 'exclusions').rows).toEqual([
			{ id: '2.1.2', item: '投诉记录闭环', points: 10, justification: STATE.notes['2.1.2'] }
		]);
		expect(table(figures, 'evidence').rows[0]).toMatchObject({
			leaf: '1.1.1',
			file_name: '组织架构图.pdf',
			sha256: sha(EVIDENCE)
		});
		expect(table(figures, 'deductions').rows[0].actions).toContain('网点张贴收费标准');
		expect(table(figures, 'gap').rows.map((r) => r.id)).toEqual(['1.2.2']);
		const plan = table(figures, 'plan').rows;
		expect(plan.find((r) => r.action === '补做年度培训并考核')).toMatchObject({
			due: '2025-02-01',
			overdue: 28
		});
		const data = table(figures, 'data_backed').rows;
		expect(data).toHaveLength(1);
		expect(data[0]).toMatchObject({ id: '2.1.1', value_then: 0.93, decision: '已采纳数据建议' });
		expect(typeof data[0].value).toBe('number');

		const html = (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes.toString('utf8');
		expect(html).toContain(sha(EVIDENCE));
		expect(html).toContain('complaints.sla');
		expect(html).toContain('附录：指标定义');
		expect(html).toContain('complaints-2023-2025.csv');
		expect(html).not.toMatch(/(?:src|href)\s*=/i);
	});

	it('samples exactly the records the printed seed and method give', async () => {
		const snapshot = await generateReport(env.db, request('html'), { actor: 'tester', now: NOW });
		const figures = await snapshotFigures(env.db, snapshot.id, NO_SCOPE);
		const settings = facts(figures, 'sample');
		const seed = String(settings.find((f) => f.label === '随机种子')?.value);
		const n = Number(settings.find((f) => f.label === '每类抽取数量 N')?.value);
		expect(seed).toBe(snapshot.id);
		expect(n).toBe(20);
		expect(String(settings.find((f) => f.label === '抽样方法')?.value)).toContain(
			'SHA-256(种子 + ":" + 记录编号)'
		);
		expect(table(figures, 'sample_repair').rows.map((r) => r.repair_id)).toEqual(
			await redraw(CANDIDATES.repair, seed, n)
		);
		expect(table(figures, 'sample_complaint').rows.map((r) => r.complaint_id)).toEqual(
			await redraw(CANDIDATES.complaint, seed, n)
		);
		expect(table(figures, 'sample_survey').rows.map((r) => r.response_id)).toEqual(
			await redraw(CANDIDATES.survey, seed, n)
		);

		const chosen = await generateReport(env.db, request('html', { sampleSeed: '审核-2025', sampleSize: 5 }), {
			actor: 'tester',
			now: NOW
		});
		const again = await snapshotFigures(env.db, chosen.id, NO_SCOPE);
		expect(table(again, 'sample_complaint').rows.map((r) => r.complaint_id)).toEqual(
			await redraw(CANDIDATES.complaint, '审核-2025', 5)
		);
	});

	it('speaks English when asked, with the GLOSSARY terms for level and status', async () => {
		const snapshot = await generateReport(
			env.db,
			{ ...request('html'), lang: 'en' },
			{ actor: 'tester', now: NOW }
		);
		const html = (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes.toString('utf8');
		expect(html).toContain('Recommended level');
		expect(html).toContain('Compliant');
		expect(html).toContain('Excluded');
		expect(html).toContain('Appendix: records sampled for the audit');
		expect(html).not.toMatch(/report\.ap\./);
	});

	it('writes an XLSX with the indicator table and the sample as typed sheets', async () => {
		const snapshot = await generateReport(env.db, request('xlsx'), { actor: 'tester', now: NOW });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(
			(await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes as unknown as ArrayBuffer
		);
		const summary = book.worksheets[0];
		const values = summary.getColumn(2).values.map(String);
		expect(values).toContain(snapshot.id);
		const indicators = book.worksheets.find((s) => s.name.startsWith('第 1 版'))!;
		expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(indicators.getCell('C2').value).toBe(80);
		expect(book.worksheets.some((s) => s.name.startsWith('维修工单'))).toBe(true);
	});

	it('prints a PDF whose text holds the score, the level and Chinese text', async () => {
		const snapshot = await generateReport(env.db, request('pdf'), { actor: 'tester', now: NOW });
		const dir = join(env.dir, 'pdf');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, 'pack.pdf');
		writeFileSync(file, (await snapshotBytes(env.db, snapshot.id, NO_SCOPE)).bytes);
		const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
		expect(text).toContain('GB/T 27922 审核资料包');
		expect(text).toContain(snapshot.id);
		expect(text).toContain(formatValue(72.333333333, 'decimal', 'zh-CN'));
		expect(text).toContain('达标级');
		expect(text).toContain('附录：审核抽样记录');
		expect(text).toContain('闭环投诉（已解决）');
	}, 90_000);

	it('refuses a draft-only or unknown assessment', async () => {
		const draft = await generateReport(env.db, request('html', { assessmentId: draftOnly }), {
			actor: 'tester'
		}).catch((e: unknown) => e);
		expect(draft).toBeInstanceOf(ReportError);
		expect(draft).toMatchObject({ status: 422, key: 'report.error.noAssessment' });
		const unknown = await generateReport(env.db, request('html', { assessmentId: 999 }), {
			actor: 'tester'
		}).catch((e: unknown) => e);
		expect(unknown).toMatchObject({ status: 404, key: 'report.error.noAssessment' });
	});
});
