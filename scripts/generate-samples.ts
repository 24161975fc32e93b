/**
 * Writes the demo data set to data/samples/: a fictional home-appliance maker's sales (2022–2025) and
 * after-sales records (2023–2025) in the messy forms real exports come in, plus README.md.
 * Deterministic: seeded PRNG streams, no clock — two runs give byte-identical files.
 *
 *   npx tsx scripts/generate-samples.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { badRepairsCsv } from './samples/bad-rows';
import { DEFECTS, SPIKE, WEAK_SUPPLIER } from './samples/catalog';
import { simulateComplaints } from './samples/complaints';
import { checkSignals, computeFacts } from './samples/facts';
import {
	complaintsCsv,
	defectCodesCsv,
	repairsGbkCsv,
	returnsCsv,
	salesXlsx,
	surveysTsv
} from './samples/forms';
import { Rng } from './samples/prng';
import { readme, type FileInfo } from './samples/readme';
import { simulateRepairs } from './samples/repairs';
import { simulateReturns } from './samples/returns';
import { simulateSales } from './samples/sales';
import { simulateSurveys } from './samples/surveys';

const outDir = process.argv[2] ?? join(import.meta.dirname, '..', 'data', 'samples');

// One stream per domain, so changing one simulation leaves the others' numbers alone.
const sales = simulateSales(new Rng('sales'));
const repairs = simulateRepairs(new Rng('repairs'), sales);
const complaints = simulateComplaints(new Rng('complaints'), sales, repairs);
const surveys = simulateSurveys(new Rng('surveys'), repairs);
const returns = simulateReturns(new Rng('returns'), sales);
const bad = badRepairsCsv(repairs);

mkdirSync(outDir, { recursive: true });
const files: FileInfo[] = [];
function write(name: string, kind: string, form: string, rows: number, skipped: number, bytes: Buffer) {
	writeFileSync(join(outDir, name), bytes);
	files.push({ name, kind, form, rows, skipped, bytes: bytes.length });
}
write(
	'repairs-2023-2025.gbk.csv',
	'repair',
	'CSV, GBK, title row + 合计 row',
	repairs.length,
	1,
	repairsGbkCsv(repairs)
);
write(
	'sales-2022-2025.xlsx',
	'sales',
	'XLSX, merged title, header row 3, 合计 row',
	sales.length,
	1,
	await salesXlsx(sales)
);
write(
	'complaints-2023-2025.csv',
	'complaint',
	'CSV, UTF-8 with BOM',
	complaints.length,
	0,
	complaintsCsv(complaints)
);
write('surveys-2023-2025.tsv', 'survey', 'TSV, UTF-16LE with BOM', surveys.length, 0, surveysTsv(surveys));
write('returns-2023-2025.csv', 'return', 'CSV, UTF-8, `;`-separated', returns.length, 0, returnsCsv(returns));
writeFileSync(join(outDir, 'repairs-bad-rows.csv'), bad.bytes);
// The defect code dictionary (manifest.json "dictionary"), imported before the repairs.
writeFileSync(join(outDir, 'defect-codes.csv'), defectCodesCsv(DEFECTS));

const facts = computeFacts({ sales, repairs, complaints, surveys, returns, bad }, files);
const failures = checkSignals(facts);
if (failures.length) throw new Error(`injected signals missing: ${failures.join('; ')}`);
writeFileSync(join(outDir, 'README.md'), readme(facts));

console.log(`wrote ${outDir}`);
for (const f of files)
	console.log(`  ${f.name.padEnd(28)} ${String(f.rows).padStart(6)} rows  ${(f.bytes / 1024).toFixed(0)} KB`);
console.log(
	`  ${'repairs-bad-rows.csv'.padEnd(28)} ${String(facts.badRows.rows).padStart(6)} rows  (${facts.badRows.accepted} valid, ${facts.badRows.rejected} broken, 1 合计)`
);
console.log(
	`  spike ${SPIKE.model} ${SPIKE.code}: ${facts.spike.map((s) => `${s.month} ${s.count}`).join(', ')}`
);
console.log(
	`  ${WEAK_SUPPLIER}: ${facts.weak.total} complaints; final warnings ${facts.weak.overThree.join(', ')}`
);
