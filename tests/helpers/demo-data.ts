import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../../src/lib/domain/records';
import type { Database } from '../../src/lib/server/db/connection';
import { importDefectCodeSheet } from '../../src/lib/server/catalogue/defect-code-sheet';
import { importFile } from '../../src/lib/server/ingest';

const SAMPLES = join(import.meta.dirname, '../../data/samples');

/** Imports the demo data set (data/samples, in its manifest's order), as `npm run demo` does. */
export async function importDemoData(db: Database): Promise<void> {
	const manifest: { dictionary?: string; files: { file: string; kind: Kind }[] } = JSON.parse(
		readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')
	);
	if (manifest.dictionary) await importDefectCodeSheet(db, join(SAMPLES, manifest.dictionary), 'demo');
	for (const { file, kind } of manifest.files) await importFile(db, join(SAMPLES, file), { kind });
}
