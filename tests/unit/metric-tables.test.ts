import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Writes to these tables leave the data version (Database.writeAside), so the metric results kept for
 * everyone survive a sign-in or an assessment edit. That holds only while no metric reads them.
 */
const ASIDE_TABLES = [
	'api_tokens',
	'assessment_versions',
	'assessments',
	'audit_log',
	'evidence_files',
	'rectifications',
	'report_schedule_runs',
	'report_schedules',
	'report_snapshots',
	'sessions',
	'users'
];

const METRICS = join(import.meta.dirname, '../../src/lib/server/metrics');

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

const reads = new RegExp(`\\b(?:FROM|JOIN)\\s+(${ASIDE_TABLES.join('|')})\\b`);

describe('tables the metrics read', () => {
	it('are none of those written aside of the data version', () => {
		const found = sources(METRICS).flatMap((path) => {
			const match = reads.exec(readFileSync(path, 'utf8'));
			return match ? [`${path}: ${match[0]}`] : [];
		});
		expect(found).toEqual([]);
	});

	it('finds such a read', () => {
		expect(reads.test('SELECT count(*) FROM audit_log')).toBe(true);
		expect(reads.test('SELECT count(*) FROM repairs r JOIN users u ON true')).toBe(true);
		expect(reads.test('SELECT count(*) FROM repairs')).toBe(false);
	});
});
