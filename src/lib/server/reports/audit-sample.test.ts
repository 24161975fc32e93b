import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../tests/helpers/temp-db';
import { importFile } from '../ingest';
import { drawSample } from './audit-sample';

/**
 * The audit sample is redrawn here the way an auditor would outside the tool: from the records as
 * written to the source files (not read back from the database), with node:crypto's SHA-256 of
 * `seed:id`, sorted ascending, the first N taken.
 */

const WINDOW = { from: '2024-01-01', to: '2024-12-31' };
const pad = (n: number) => String(n).padStart(2, '0');
/** The month `i` months after 2023-12, YYYY-MM. */
const month = (i: number) => `${2023 + Math.floor((i + 11) / 12)}-${pad(((i + 11) % 12) + 1)}`;

interface Source {
	id: string;
	at: string;
	resolved?: string;
}

const repairs: Source[] = Array.from({ length: 60 }, (_, i) => ({
	id: `R-${1000 + i}`,
	// 14 months from 2023-12 to 2025-01: the first and the last fall outside the assessment period
	at: `${month(i % 14)}-15 10:00`
}));
const complaints: Source[] = Array.from({ length: 40 }, (_, i) => ({
	id: `维权-${i}`,
	at: `2024-${pad((i % 12) + 1)}-${pad((i % 27) + 1)} 09:30`,
	resolved: i % 3 === 0 ? '' : `2024-${pad((i % 12) + 1)}-28 18:00`
}));
const surveys: Source[] = Array.from({ length: 30 }, (_, i) => ({
	id: `S${i}`,
	at: `${i < 25 ? 2024 : 2025}-${pad((i % 12) + 1)}-10 12:00`
}));

/** The documented method, computed independently of the tool. */
function redraw(candidates: Source[], seed: string, n: number): string[] {
	const key = (id: string) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
	return candidates
		.map((c) => ({ id: c.id, key: key(c.id) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
		.slice(0, n)
		.map((c) => c.id);
}

const inPeriod = (s: Source) => s.at >= WINDOW.from && s.at.slice(0, 10) <= WINDOW.to;

let env: Awaited<ReturnType<typeof tempDatabase>>;

beforeAll(async () => {
	env = await tempDatabase();
	const write = async (name: string, kind: 'repair' | 'complaint' | 'survey', text: string) => {
		const path = join(env.dir, name);
		writeFileSync(path, text);
		await importFile(env.db, path, { kind });
	};
	await write(
		'r.csv',
		'repair',
		`维修单号,报修时间,产品型号\n${repairs.map((r) => `${r.id},${r.at},KFR-35GW`).join('\n')}\n`
	);
	await write(
		'c.csv',
		'complaint',
		`投诉编号,投诉时间,解决时间\n${complaints.map((c) => `${c.id},${c.at},${c.resolved}`).join('\n')}\n`
	);
	await write(
		's.csv',
		'survey',
		`回访编号,回访时间,满意度\n${surveys.map((s) => `${s.id},${s.at},5`).join('\n')}\n`
	);
}, 60_000);

afterAll(() => env.remove());

describe('audit sample', () => {
	it('draws exactly the records the printed method gives for the seed', async () => {
		const cases = [
			{ kind: 'repair' as const, candidates: repairs.filter(inPeriod) },
			{ kind: 'complaint' as const, candidates: complaints.filter((c) => inPeriod(c) && c.resolved) },
			{ kind: 'survey' as const, candidates: surveys.filter(inPeriod) }
		];
		for (const seed of ['RPT-000042', '审核 2025']) {
			for (const { kind, candidates } of cases) {
				const drawn = await drawSample(env.db, kind, WINDOW, seed, 7);
				expect(drawn.candidates).toBe(candidates.length);
				const idField = { repair: 'repair_id', complaint: 'complaint_id', survey: 'response_id' }[kind];
				expect(drawn.rows.map((r) => r[idField])).toEqual(redraw(candidates, seed, 7));
				for (const row of drawn.rows)
					expect(row.sort_key).toBe(createHash('sha256').update(`${seed}:${row[idField]}`).digest('hex'));
			}
		}
	});

	it('gives the same records for the same seed and different ones for another seed', async () => {
		const a = await drawSample(env.db, 'repair', WINDOW, 'seed-a', 10);
		const again = await drawSample(env.db, 'repair', WINDOW, 'seed-a', 10);
		const b = await drawSample(env.db, 'repair', WINDOW, 'seed-b', 10);
		expect(again.rows).toEqual(a.rows);
		expect(b.rows.map((r) => r.repair_id)).not.toEqual(a.rows.map((r) => r.repair_id));
	});

	it('takes every candidate when N exceeds them, and none outside the period', async () => {
		const all = await drawSample(env.db, 'survey', WINDOW, 'x', 500);
		expect(all.rows).toHaveLength(surveys.filter(inPeriod).length);
		expect(all.rows.every((r) => String(r.responded_at).startsWith('2024-'))).toBe(true);
	});
});
