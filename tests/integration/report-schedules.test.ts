import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SCOPE } from '../../src/lib/domain/auth/user';
import type { ScheduleInput } from '../../src/lib/domain/reports/schedule';
import { runDueSchedules, startScheduler } from '../../src/lib/server/reports/schedule-runner';
import { claimRun, scheduleRuns } from '../../src/lib/server/reports/schedule-runs';
import { createSchedule, updateSchedule } from '../../src/lib/server/reports/schedules';
import { getSnapshot, snapshotBytes } from '../../src/lib/server/reports/snapshots';
import { importDemoData } from '../helpers/demo-data';
import { count, tempDatabase } from '../helpers/temp-db';

let env: Awaited<ReturnType<typeof tempDatabase>>;
const at = (iso: string) => new Date(iso);
/** Made on 1 January 2026 (08:00 in Shanghai), due on the 3rd at 08:00 Shanghai time = 00:00 UTC. */
const MADE = at('2026-01-01T00:00:00Z');

beforeAll(async () => {
	env = await tempDatabase();
	process.env.WORKBENCH_REPORTS = join(env.dir, 'reports');
	process.env.WORKBENCH_DELIVERY_FOLDERS = join(env.dir, 'out');
	delete process.env.WORKBENCH_TIMEZONE;
	await importDemoData(env.db);
}, 120_000);

afterAll(() => {
	delete process.env.WORKBENCH_REPORTS;
	delete process.env.WORKBENCH_DELIVERY_FOLDERS;
	env.remove();
});

const schedule = (fields: Partial<ScheduleInput>): ScheduleInput => ({
	kind: 'monthly-review',
	formats: ['html'],
	lang: 'zh-CN',
	filters: {},
	day: 3,
	time: '08:00',
	enabled: true,
	folder: null,
	recipients: [],
	...fields
});

/** With SMTP settings set for the duration of fn. */
async function withSmtp<T>(url: string, fn: () => Promise<T>): Promise<T> {
	process.env.WORKBENCH_SMTP_URL = url;
	process.env.WORKBENCH_MAIL_FROM = 'workbench@example.com';
	try {
		return await fn();
	} finally {
		delete process.env.WORKBENCH_SMTP_URL;
		delete process.env.WORKBENCH_MAIL_FROM;
	}
}

describe('report schedules', () => {
	it('runs a due schedule once, as an ordinary snapshot delivered to the folder byte for byte', async () => {
		const folder = join(env.dir, 'out', 'monthly');
		const s = await createSchedule(env.db, schedule({ folder }), 'tester', MADE);
		expect(s.nextDue).toBe('2026-01-03T00:00:00Z');
		expect(s.nextDueLocal).toBe('2026-01-03 08:00');
		expect(s.timeZone).toBe('Asia/Shanghai');

		expect(await runDueSchedules(env.db, at('2026-01-02T23:59:00Z'))).toEqual([]);
		const [run] = await runDueSchedules(env.db, at('2026-01-03T00:00:30Z'));
		expect(run).toMatchObject({
			scheduleId: s.id,
			dueAt: '2026-01-03T00:00:00Z',
			outcome: 'ok',
			error: null
		});
		expect(run.reportIds).toHaveLength(1);
		// A second tick, in the same minute or later that day, does not run it again.
		expect(await runDueSchedules(env.db, at('2026-01-03T00:00:45Z'))).toEqual([]);
		expect(await runDueSchedules(env.db, at('2026-01-03T09:00:00Z'))).toEqual([]);

		const snapshot = await getSnapshot(env.db, run.reportIds[0], NO_SCOPE);
		expect(snapshot.generatedBy).toBe('schedule');
		const { bytes } = await snapshotBytes(env.db, snapshot.id, NO_SCOPE);
		expect(readdirSync(folder)).toEqual([snapshot.fileName]);
		expect(readFileSync(join(folder, snapshot.fileName)).equals(bytes)).toBe(true);
		expect(
			await count(
				env.db,
				`SELECT count(*) FROM audit_log WHERE action = 'report.generate' AND actor = 'schedule' AND entity_id = $1`,
				[snapshot.id]
			)
		).toBe(1);
		await updateSchedule(env.db, s.id, { enabled: false }, 'tester', at('2026-01-03T09:00:00Z'));
	}, 60_000);

	it('catches up the latest missed run at start, exactly once', async () => {
		const s = await createSchedule(
			env.db,
			schedule({ folder: join(env.dir, 'out', 'catch-up') }),
			'tester',
			MADE
		);
		// Down from before 3 January to 10 April: February's and March's due times are not run.
		let clock = at('2026-04-10T02:00:00Z');
		const first = startScheduler(env.db, { now: () => clock });
		await first.started;
		first.stop();
		let runs = await scheduleRuns(env.db, s.id);
		expect(runs.map((r) => [r.dueAt, r.outcome])).toEqual([['2026-04-03T00:00:00Z', 'ok']]);

		// A restart the same day owes nothing; one on 3 May owes May's run.
		const second = startScheduler(env.db, { now: () => clock });
		await second.started;
		await second.tick();
		second.stop();
		expect(await scheduleRuns(env.db, s.id)).toHaveLength(1);
		clock = at('2026-05-03T00:01:00Z');
		const third = startScheduler(env.db, { now: () => clock });
		await third.started;
		third.stop();
		runs = await scheduleRuns(env.db, s.id);
		expect(runs.map((r) => r.dueAt)).toEqual(['2026-05-03T00:00:00Z', '2026-04-03T00:00:00Z']);
		await updateSchedule(env.db, s.id, { enabled: false }, 'tester', clock);
	}, 60_000);

	it('records failures with their reason and does not retry them', async () => {
		// E-mail without SMTP settings is refused when saved…
		await expect(
			createSchedule(env.db, schedule({ formats: ['pdf'], recipients: ['qm@example.com'] }), 'tester', MADE)
		).rejects.toThrow(/WORKBENCH_SMTP_URL/);
		// …and, when the settings went away later, recorded as failed when run.
		const mailed = await withSmtp('smtp://127.0.0.1:9', () =>
			createSchedule(
				env.db,
				schedule({ recipients: ['qm@example.com'], formats: ['html', 'pdf'] }),
				'tester',
				MADE
			)
		);
		// A run a killed process left 'running' is marked failed at start, not rerun.
		const killed = await createSchedule(
			env.db,
			schedule({ folder: join(env.dir, 'out', 'k') }),
			'tester',
			MADE
		);
		expect(await claimRun(env.db, killed.id, at('2026-01-03T00:00:00Z'), at('2026-01-03T00:00:00Z'))).toBe(
			true
		);

		const scheduler = startScheduler(env.db, { now: () => at('2026-01-03T00:00:10Z') });
		await scheduler.started;
		await scheduler.tick();
		scheduler.stop();
		const [failed] = await scheduleRuns(env.db, mailed.id);
		expect(failed.outcome).toBe('failed');
		expect(failed.error).toMatch(/WORKBENCH_SMTP_URL/);
		expect(failed.reportIds).toHaveLength(2);
		const [interrupted] = await scheduleRuns(env.db, killed.id);
		expect(interrupted).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/中断/) });
		expect(await runDueSchedules(env.db, at('2026-01-04T00:00:00Z'))).toEqual([]);
		expect(await scheduleRuns(env.db, mailed.id)).toHaveLength(1);
		for (const s of [mailed, killed]) await updateSchedule(env.db, s.id, { enabled: false }, 'tester', MADE);
	}, 120_000);

	it('writes only within the delivery folders, `..` and links followed, when saved and when run', async () => {
		const outside = [
			join(env.dir, 'elsewhere'),
			join(env.dir, 'out', '..', 'elsewhere'),
			join(env.dir, 'out', 'link', 'x')
		];
		mkdirSync(join(env.dir, 'out'), { recursive: true });
		symlinkSync(env.dir, join(env.dir, 'out', 'link'));
		for (const folder of outside)
			await expect(createSchedule(env.db, schedule({ folder }), 'tester', MADE)).rejects.toMatchObject({
				status: 422,
				message: expect.stringContaining(`is outside the delivery folders (${join(env.dir, 'out')})`)
			});
		// Saved while allowed, then the administrator narrowed the folders: the run is refused, nothing written.
		const s = await createSchedule(
			env.db,
			schedule({ folder: join(env.dir, 'out', 'narrowed') }),
			'tester',
			MADE
		);
		process.env.WORKBENCH_DELIVERY_FOLDERS = join(env.dir, 'out', 'other');
		try {
			const [run] = await runDueSchedules(env.db, at('2026-01-03T00:00:30Z'));
			expect(run).toMatchObject({
				scheduleId: s.id,
				outcome: 'failed',
				error: expect.stringContaining('WORKBENCH_DELIVERY_FOLDERS')
			});
		} finally {
			process.env.WORKBENCH_DELIVERY_FOLDERS = join(env.dir, 'out');
		}
		expect(existsSync(join(env.dir, 'out', 'narrowed'))).toBe(false);
		expect(existsSync(join(env.dir, 'elsewhere'))).toBe(false);
		await updateSchedule(env.db, s.id, { enabled: false }, 'tester', MADE);
	}, 60_000);

	it('mails exactly one message with the PDF as its one attachment', async () => {
		const received: Buffer[] = [];
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			onData(stream, _session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					received.push(Buffer.concat(chunks));
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.server.address() as AddressInfo;
		try {
			const run = await withSmtp(`smtp://127.0.0.1:${port}`, async () => {
				await createSchedule(
					env.db,
					schedule({ formats: ['pdf'], recipients: ['qm@example.com', 'ceo@example.com'] }),
					'tester',
					MADE
				);
				return runDueSchedules(env.db, at('2026-01-03T00:00:10Z'));
			});
			expect(run).toHaveLength(1);
			expect(run[0]).toMatchObject({ outcome: 'ok', error: null });
			const snapshot = await getSnapshot(env.db, run[0].reportIds[0], NO_SCOPE);
			expect(received).toHaveLength(1);
			const message = received[0].toString('utf8');
			const attachments = mimeParts(message).filter((p) =>
				/content-disposition:\s*attachment/i.test(p.headers)
			);
			expect(attachments).toHaveLength(1);
			expect(attachments[0].headers).toMatch(/content-type:\s*application\/pdf/i);
			const pdf = Buffer.from(attachments[0].body.replace(/\s+/g, ''), 'base64');
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
			expect(createHash('sha256').update(pdf).digest('hex')).toBe(snapshot.sha256);
			expect(message).toContain(snapshot.id);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	}, 120_000);
});

/** The parts of a multipart message: enough MIME to find the attachments nodemailer wrote. */
function mimeParts(message: string): { headers: string; body: string }[] {
	const boundary = /boundary="?([^";\r\n]+)"?/i.exec(message)?.[1];
	if (!boundary) return [];
	return message
		.split(`--${boundary}`)
		.slice(1, -1)
		.map((part) => {
			const split = part.indexOf('\r\n\r\n');
			return { headers: part.slice(0, split), body: part.slice(split + 4) };
		});
}
