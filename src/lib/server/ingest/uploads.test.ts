import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadTooLargeError } from './errors';
import { deleteUpload, getUpload, sanitiseFileName, saveUpload } from './uploads';

const body = (...chunks: string[]) =>
	new ReadableStream<Uint8Array>({
		start(controller) {
			for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
			controller.close();
		}
	});

describe('sanitiseFileName', () => {
	it('keeps a plain name, Chinese included', () => {
		expect(sanitiseFileName('维修工单 2025-06.csv')).toBe('维修工单 2025-06.csv');
	});

	it('drops directories and characters unsafe on disk', () => {
		expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
		expect(sanitiseFileName('C:\\exports\\a<b>:c.csv')).toBe('a_b__c.csv');
		expect(sanitiseFileName('a\u0000b\nc.csv')).toBe('a_b_c.csv');
		expect(sanitiseFileName('..')).toBe('upload');
		expect(sanitiseFileName('')).toBe('upload');
	});

	it('shortens long names but keeps the extension', () => {
		const name = sanitiseFileName(`${'长'.repeat(300)}.xlsx`);
		expect(name.length).toBe(180);
		expect(name.endsWith('.xlsx')).toBe(true);
	});
});

describe('saveUpload', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'uploads-test-'));
		process.env.WORKBENCH_UPLOADS = dir;
	});
	afterAll(async () => {
		delete process.env.WORKBENCH_UPLOADS;
		await rm(dir, { recursive: true, force: true });
	});

	it('streams the body to disk under its sanitised name', async () => {
		const upload = await saveUpload(body('a,b\n', '1,2\n'), '../x/报表.csv', 1024);
		expect(upload.name).toBe('报表.csv');
		expect(upload.size).toBe(8);
		expect(await readFile(upload.path, 'utf8')).toBe('a,b\n1,2\n');
		expect(await getUpload(upload.id)).toMatchObject({ id: upload.id, name: '报表.csv', size: 8 });
		await deleteUpload(upload.id);
		expect(await getUpload(upload.id)).toBeNull();
	});

	it('refuses a body over the limit and leaves nothing behind', async () => {
		const before = await readdir(dir);
		await expect(saveUpload(body('x'.repeat(600), 'y'.repeat(600)), 'big.csv', 1000)).rejects.toBeInstanceOf(
			UploadTooLargeError
		);
		expect(await readdir(dir)).toEqual(before);
	});

	it('does not resolve ids that are not upload ids', async () => {
		expect(await getUpload('../../etc')).toBeNull();
	});
});
