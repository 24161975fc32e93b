import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from './read-source';

const dir = mkdtempSync(join(tmpdir(), 'read-source-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function copyWithLf(text: string, lineEnds: 'cr' | 'mixed'): Promise<string> {
	const path = join(dir, 'in.csv');
	writeFileSync(path, text);
	const pass = await readSource(path, {
		encoding: 'utf-8',
		lineEnds,
		transcodeTo: join(dir, 'out.csv'),
		scan: null
	});
	return readFileSync(pass.utf8Path, 'utf8');
}

describe('readSource line ends', () => {
	it('writes CR-only line ends as LF', async () => {
		expect(await copyWithLf('a,b\r1,2\r', 'cr')).toBe('a,b\n1,2\n');
	});
	it('drops the CR of CR LF, also across a chunk boundary, and keeps a CR inside a line', async () => {
		const pad = 'x'.repeat(1024 * 1024 - 3); // the CR LF straddles the 1 MiB chunk
		const text = `a,${pad}\r\n1,2\n3,4\r\n5,"6\r7"\n`;
		expect(await copyWithLf(text, 'mixed')).toBe(`a,${pad}\n1,2\n3,4\n5,"6\r7"\n`);
	});
});
