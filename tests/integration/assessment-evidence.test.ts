import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../src/lib/server/audit/log';
import { createAssessment } from '../../src/lib/server/assessment/assessments';
import { LockedError, WorkspaceError } from '../../src/lib/server/assessment/errors';
import { evidenceFile, listEvidence, saveEvidence } from '../../src/lib/server/assessment/evidence';
import { finaliseVersion, newDraftFrom, saveDraft } from '../../src/lib/server/assessment/versions';
import { emptyState } from '../../src/lib/domain/assessment/workspace-state';
import { PERIOD, smallCatalogue } from '../helpers/assessment';
import { count, tempDatabase } from '../helpers/temp-db';

/** A web stream of `bytes` in small chunks, as a request body arrives. */
function body(bytes: Buffer, chunk = 1000): ReadableStream<Uint8Array> {
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(new Uint8Array(bytes.subarray(at, at + chunk)));
			at += chunk;
		}
	});
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('evidence files', () => {
	let ctx: Awaited<ReturnType<typeof tempDatabase>>;
	let dir: string;
	const pdf = Buffer.concat([Buffer.from('%PDF-1.7 组织架构图\n'), Buffer.alloc(50_000, 7)]);
	beforeAll(async () => {
		ctx = await tempDatabase();
		dir = join(ctx.dir, 'evidence');
		process.env.WORKBENCH_EVIDENCE = dir;
		await createAssessment(ctx.db, PERIOD, smallCatalogue(), 'web');
	});
	afterAll(() => {
		delete process.env.WORKBENCH_EVIDENCE;
		ctx.remove();
	});

	/** Uploads `bytes` from the web as evidence for a leaf of version 1, in chunks of `chunk` bytes. */
	const upload = (leafId: string, fileName: string, bytes: Buffer, chunk?: number, limit?: number) =>
		saveEvidence(ctx.db, { assessmentId: 1, version: 1, leafId, fileName }, body(bytes, chunk), 'web', limit);

	it('stores the bytes under their SHA-256, computed while streaming', async () => {
		const up = await upload('1.1.1', '../组织架构图.pdf', pdf);
		expect(up.duplicate).toBe(false);
		expect(up.file.sha256).toBe(sha(pdf));
		expect(up.file.sizeBytes).toBe(pdf.length);
		expect(up.file.fileName).toBe('组织架构图.pdf');
		const stored = await evidenceFile(ctx.db, 1, up.file.id, { actor: 'web', origin: '127.0.0.1' });
		expect(stored.path).toBe(join(dir, '1', sha(pdf)));
		expect(sha(readFileSync(stored.path))).toBe(sha(pdf));
		const [download, entry] = await readAudit(ctx.db, { entity: 'evidence_file' });
		expect(entry).toMatchObject({ action: 'evidence.upload', actor: 'web' });
		expect(entry.detail).toMatchObject({ sha256: sha(pdf), leafId: '1.1.1' });
		expect(download).toMatchObject({ action: 'evidence.download', entityId: String(up.file.id) });
		expect(download.detail).toMatchObject({ sha256: sha(pdf), fileName: '组织架构图.pdf' });
	});

	it('recognises the same bytes uploaded twice by their hash', async () => {
		const again = await upload('1.1.1', 'copy.pdf', pdf, 4096);
		expect(again.duplicate).toBe(true);
		expect(again.file.fileName).toBe('组织架构图.pdf');
		// the same file for another leaf is a second record of one stored file
		const other = await upload('1.2.2', 'a.pdf', pdf);
		expect(other.duplicate).toBe(false);
		expect(readdirSync(join(dir, '1'))).toEqual([sha(pdf)]);
		expect((await listEvidence(ctx.db, 1, 1)).map((e) => e.leafId)).toEqual(['1.1.1', '1.2.2']);
		expect(await count(ctx.db, `SELECT count(*) FROM audit_log WHERE action = 'evidence.upload'`)).toBe(2);
	});

	it('refuses a file over the limit and keeps nothing of it', async () => {
		const big = Buffer.alloc(3000, 1);
		const error = (await upload('1.1.1', 'big.bin', big, undefined, 2048).catch(
			(e: unknown) => e
		)) as WorkspaceError;
		expect(error.status).toBe(413);
		expect(readdirSync(join(dir, '1'))).toEqual([sha(pdf)]);
		expect(existsSync(join(dir, '1', sha(big)))).toBe(false);
	});

	it('refuses an unknown leaf and a final version; a later draft lists the earlier files', async () => {
		const unknown = (await upload('7.7', 'x', pdf).catch((e: unknown) => e)) as WorkspaceError;
		expect(unknown.status).toBe(422);
		const items = Object.fromEntries(
			['1.1.1', '1.2.1', '1.2.2', '2.1.1', '2.1.2'].map((id) => [id, { status: 'conform' as const }])
		);
		await saveDraft(ctx.db, 1, 1, { ...emptyState(), items }, 'web');
		await finaliseVersion(ctx.db, 1, 1, 'web');
		const locked = await upload('1.1.1', 'late.pdf', Buffer.from('late')).catch((e: unknown) => e);
		expect(locked).toBeInstanceOf(LockedError);
		await newDraftFrom(ctx.db, 1, 1, 'web');
		expect(await listEvidence(ctx.db, 1, 2)).toHaveLength(2);
	});
});
