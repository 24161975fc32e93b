import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyState } from '../../src/lib/domain/assessment/workspace-state';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { finaliseVersion, saveDraft } from '../../src/lib/server/assessment/versions';
import { Database } from '../../src/lib/server/db/connection';
import { importFile } from '../../src/lib/server/ingest';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { useCliWorkbench } from '../helpers/cli';

const cli = useCliWorkbench();
const workbench = cli.run;
let finalId: number;
let draftId: number;

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A finalised and a draft-only assessment over 2024, and a few repair orders of that year. */
beforeAll(async () => {
	const db = await Database.open(cli.db);
	try {
		const csv = join(cli.dir, 'repairs.csv');
		writeFileSync(
			csv,
			`维修单号,报修时间,产品型号\n${Array.from({ length: 30 }, (_, i) => `R${i},2024-${String((i % 12) + 1).padStart(2, '0')}-10 09:00,KFR-35GW`).join('\n')}\n`
		);
		await importFile(db, csv, { kind: 'repair' });
		finalId = (await createAssessment(db, PERIOD, smallCatalogue(), 'tester')).id;
		await saveDraft(
			db,
			finalId,
			1,
			{
				...emptyState(),
				items: Object.fromEntries(
					['1.1.1', '1.2.1', '1.2.2', '2.1.1', '2.1.2'].map((id) => [id, { status: 'conform' as const }])
				)
			},
			'tester'
		);
		await finaliseVersion(db, finalId, 1, 'tester');
		draftId = (await createAssessment(db, { ...PERIOD, name: '草稿' }, smallCatalogue(), 'tester')).id;
	} finally {
		db.close();
	}
}, 60_000);

describe('workbench report gbt27922', () => {
	it('writes the audit pack as PDF and prints only {reportId, sha256, path} with --json', () => {
		const out = join(cli.dir, 'pack.pdf');
		const r = workbench([
			'report',
			'gbt27922',
			'--assessment',
			String(finalId),
			'--format',
			'pdf',
			'--out',
			out,
			'--seed',
			'audit-2025',
			'--sample',
			'5',
			'--json'
		]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const printed = JSON.parse(r.stdout);
		expect(Object.keys(printed).sort()).toEqual(['path', 'reportId', 'sha256']);
		expect(printed.path).toBe(out);
		expect(printed.sha256).toBe(sha(readFileSync(out)));
		const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
		expect(text).toContain('GB/T 27922 审核资料包');
		expect(text).toContain('五星级');
		expect(text).toContain('audit-2025');
		const ids = Array.from({ length: 30 }, (_, i) => `R${i}`);
		const drawn = [...ids]
			.sort((a, b) => (sha(`audit-2025:${a}`) < sha(`audit-2025:${b}`) ? -1 : 1))
			.slice(0, 5);
		const listed = ids.filter((id) => new RegExp(`\\b${id}\\b`).test(text));
		expect(listed.sort()).toEqual([...drawn].sort());
	}, 90_000);

	it('refuses a draft-only assessment (exit 1) or a bad --sample (exit 2), writing nothing', () => {
		const out = join(cli.dir, 'draft.html');
		const r = workbench(['report', 'gbt27922', '--assessment', String(draftId), '--out', out]);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('尚未定稿');
		expect(() => readFileSync(out)).toThrow();
		const bad = workbench([
			'report',
			'gbt27922',
			'--assessment',
			String(finalId),
			'--sample',
			'0',
			'--out',
			out
		]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/^workbench report: --sample "0": /);
	});
});
