import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateReportSchema } from '$lib/domain/reports/api';
import { REPORT_FORMATS, REPORT_KINDS } from '$lib/domain/reports/document';
import { getDatabase } from '$lib/server/db/connection';
import { generateReport } from '$lib/server/reports/generate';
import { listSnapshots, snapshotBytes } from '$lib/server/reports/snapshots';
import { CliError, cliText, optionError } from '../output';
import { parseFilters } from './metric';
import { runReportSchedule } from './report-schedule';

const usage = () => cliText('report.cli.usage');

/** The flag a request field comes from, where their names differ. */
const FLAGS: Record<string, string> = {
	assessmentId: 'assessment',
	sampleSeed: 'seed',
	sampleSize: 'sample'
};

/** What --json prints: the snapshot's id, hash and where its bytes were written. */
function written(json: boolean | undefined, id: string, sha256: string, path: string): void {
	process.stdout.write(
		json
			? `${JSON.stringify({ reportId: id, sha256, path })}\n`
			: `${cliText('report.cli.written', { id, path, sha256 })}\n`
	);
}

export async function runReport(args: string[]): Promise<void> {
	if (args[0] === 'schedule') return runReportSchedule(args.slice(1));
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			period: { type: 'string' },
			assessment: { type: 'string' },
			seed: { type: 'string' },
			sample: { type: 'string' },
			format: { type: 'string' },
			out: { type: 'string' },
			lang: { type: 'string' },
			filter: { type: 'string', multiple: true },
			json: { type: 'boolean' }
		}
	});
	const [what, id] = positionals;
	if (what === 'list') {
		const list = await listSnapshots(await getDatabase());
		process.stdout.write(
			values.json
				? `${JSON.stringify(list)}\n`
				: list
						.map((s) => `${s.id}  ${s.kind}  ${s.period}  ${s.format}  ${s.generatedAt}  ${s.sha256}`)
						.join('\n') + '\n'
		);
		return;
	}
	if (!values.out) throw new CliError('report.cli.needOut', { usage: usage() });
	const out = resolve(values.out);
	if (what === 'get') {
		if (!id) throw new CliError('report.cli.needId', { usage: usage() });
		const { snapshot, bytes } = await snapshotBytes(await getDatabase(), id);
		writeFileSync(out, bytes);
		written(values.json, snapshot.id, snapshot.sha256, out);
		return;
	}
	if (!(REPORT_KINDS as readonly string[]).includes(what ?? '')) {
		throw new CliError('report.cli.badWhat', {
			choices: [...REPORT_KINDS, 'get', 'list'].join(', '),
			usage: usage()
		});
	}
	const request = generateReportSchema.safeParse({
		kind: what,
		format:
			values.format ??
			(REPORT_FORMATS.find((f) => out.toLowerCase().endsWith(`.${f}`)) as string | undefined),
		lang: values.lang,
		period: values.period,
		assessmentId: values.assessment === undefined ? undefined : Number(values.assessment),
		sampleSeed: values.seed,
		sampleSize: values.sample === undefined ? undefined : Number(values.sample),
		filters: parseFilters(values.filter ?? [])
	});
	if (!request.success) throw optionError(request.error, usage(), FLAGS);
	const db = await getDatabase();
	const snapshot = await generateReport(db, request.data, { actor: 'cli' });
	const { bytes } = await snapshotBytes(db, snapshot.id);
	writeFileSync(out, bytes);
	written(values.json, snapshot.id, snapshot.sha256, out);
}
