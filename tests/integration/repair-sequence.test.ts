import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REBUILD_REPAIR_SEQUENCE_SQL } from '../../src/lib/server/db/repair-sequence';
import { importFile } from '../../src/lib/server/ingest';
import { tempDatabase } from '../helpers/temp-db';

/**
 * repairs.first_repair_of_unit and repairs.next_repair_at must not depend on how the history
 * arrived: one file, several files in any order, or a correction that moves a repair to another serial.
 */
const HEADER = 'repair_id,received_at,product_model,serial_no,sold_at';
const ROWS = [
	'R1,2025-01-05 08:00,M1,SN1,2024-12-01',
	'R2,2025-02-05 08:00,M1,SN1,2024-12-01',
	'R3,2025-02-05 08:00,M1,SN1,2024-12-01', // same minute as R2: neither is the other's next repair
	'R4,2025-03-01 09:00,M1,SN1,2024-12-01',
	'R5,2025-01-10 10:00,M1,SN2,', // no sold_at: never a first failure
	'R6,2025-02-10 10:00,M1,SN2,2024-11-15',
	'R7,2025-01-20 11:00,M2,SN2,2024-10-01', // same serial, another model: its own unit, shared look-ahead
	'R8,2025-01-25 12:00,M1,,2024-12-01', // no serial: no sequence
	'R9,2025-03-03 13:00,M2,SN3,2025-01-02'
];
const EXPECTED = [
	['R1', true, '2025-02-05 08:00:00'],
	['R2', false, '2025-03-01 09:00:00'],
	['R3', false, '2025-03-01 09:00:00'],
	['R4', false, null],
	['R5', false, '2025-01-20 11:00:00'],
	['R6', true, null],
	['R7', true, '2025-02-10 10:00:00'],
	['R8', false, null],
	['R9', true, null]
];

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

async function database() {
	const t = await tempDatabase();
	cleanups.push(t.remove);
	return t;
}

function csv(dir: string, name: string, rows: string[]): string {
	const path = join(dir, name);
	writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
	return path;
}

async function sequence(db: Awaited<ReturnType<typeof database>>['db']) {
	const rows = await db.query(
		`SELECT repair_id, first_repair_of_unit, strftime(next_repair_at, '%Y-%m-%d %H:%M:%S') AS next_at
		FROM repairs ORDER BY repair_id`
	);
	return rows.map((r) => [r.repair_id, r.first_repair_of_unit, r.next_at]);
}

describe('per-unit repair sequence kept by imports', () => {
	it('is computed from one file', async () => {
		const { db, dir } = await database();
		await importFile(db, csv(dir, 'all.csv', ROWS), { kind: 'repair' });
		expect(await sequence(db)).toEqual(EXPECTED);
	});

	it('is the same when the history arrives in several files, latest first', async () => {
		const { db, dir } = await database();
		await importFile(db, csv(dir, 'march.csv', [ROWS[3], ROWS[8]]), { kind: 'repair' });
		await importFile(db, csv(dir, 'feb.csv', [ROWS[1], ROWS[2], ROWS[5]]), { kind: 'repair' });
		await importFile(db, csv(dir, 'jan.csv', [ROWS[0], ROWS[4], ROWS[6], ROWS[7]]), { kind: 'repair' });
		expect(await sequence(db)).toEqual(EXPECTED);
	});

	it('follows a correction that moves a repair to another serial', async () => {
		const { db, dir } = await database();
		await importFile(db, csv(dir, 'all.csv', ROWS), { kind: 'repair' });
		// R2 was keyed to the wrong unit: it belongs to SN3 (model M1 now, sold 2024-12-01).
		const result = await importFile(db, csv(dir, 'fix.csv', ['R2,2025-02-05 08:00,M1,SN3,2024-12-01']), {
			kind: 'repair'
		});
		expect(result.updated).toBe(1);
		const byId = new Map((await sequence(db)).map((r) => [r[0], r]));
		expect(byId.get('R1')).toEqual(['R1', true, '2025-02-05 08:00:00']); // R3 is still there
		expect(byId.get('R2')).toEqual(['R2', true, '2025-03-03 13:00:00']); // first of (M1, SN3); R9 next
		expect(byId.get('R3')).toEqual(['R3', false, '2025-03-01 09:00:00']);
		expect(byId.get('R9')).toEqual(['R9', true, null]); // (M2, SN3) is another unit
	});

	it('is rebuilt the same from the stored repairs (schema migration 3, benchmark data)', async () => {
		const { db, dir } = await database();
		await importFile(db, csv(dir, 'all.csv', ROWS), { kind: 'repair' });
		await db.query('UPDATE repairs SET first_repair_of_unit = false, next_repair_at = NULL');
		await db.query(REBUILD_REPAIR_SEQUENCE_SQL);
		expect(await sequence(db)).toEqual(EXPECTED);
	});
});
