import { createHash } from 'node:crypto';
import { z } from 'zod';
import { auditQuerySchema, exportAudit } from '$lib/server/audit/query';
import { verifyAudit } from '$lib/server/audit/verify';
import { checkOptions, expectArgs, parseCommand, subcommand } from '../args';
import { openFile, openTarget, type ServerClient } from '../forward';
import { outPath, writeOut } from '../out-file';
import { CliError, cliText, usageBlock } from '../output';

const usage = () => usageBlock('system.cli.auditUsage');

/** `workbench audit verify`: recomputes the audit log's hash chain; exit 1 naming the first broken entry. */
async function auditVerify(json: boolean | undefined): Promise<void> {
	const result = await verifyAudit(await openFile('audit verify'));
	if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
	else if (!result.broken)
		process.stdout.write(
			`${cliText('system.cli.auditOk', { entries: result.entries, unchained: result.unchained })}\n${
				result.last ? `${cliText('audit.chainLast', result.last)}\n` : ''
			}`
		);
	if (result.broken)
		throw new CliError('system.cli.auditBroken', { id: result.broken.id, reason: result.broken.reason }, 1);
}

/** The export's flags: the admin page's filter, the format, and where the file goes. */
const exportSchema = auditQuerySchema.omit({ page: true }).extend({
	format: z.enum(['csv', 'xlsx']).default('csv'),
	out: z.string().min(1, 'is required')
});
type ExportOptions = z.output<typeof exportSchema>;

/** The same file GET /api/audit?format= answers, from the server that holds the database. */
async function serverExport(server: ServerClient, options: ExportOptions): Promise<Uint8Array> {
	const query = new URLSearchParams(
		Object.entries(options).filter((e): e is [string, string] => e[0] !== 'out' && e[1] !== undefined)
	);
	const response = await server.request(`/api/audit?${query}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * `workbench audit export --out FILE [--format csv|xlsx] [--actor A] [--action X] [--from D] [--to D]`:
 * the audit entries as auditors export them on the page, sent to the server when it holds the database.
 */
async function auditExport(values: Record<string, unknown>): Promise<void> {
	const options = checkOptions(exportSchema, values, usage);
	const path = outPath(options.out);
	const target = await openTarget(values.token as string | undefined);
	const bytes = target.db
		? (await exportAudit(target.db, { ...options, page: 1 }, options.format)).bytes
		: await serverExport(target.server, options);
	writeOut(path, bytes);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	process.stdout.write(
		values.json
			? `${JSON.stringify({ path, sizeBytes: bytes.length, sha256 })}\n`
			: `${cliText('system.cli.auditExported', { path, size: bytes.length, sha256 })}\n`
	);
}

/** `workbench audit verify|export`. */
export async function runAudit(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(
		args,
		{
			json: { type: 'boolean' },
			format: { type: 'string' },
			out: { type: 'string' },
			actor: { type: 'string' },
			action: { type: 'string' },
			from: { type: 'string' },
			to: { type: 'string' },
			q: { type: 'string' },
			token: { type: 'string' }
		},
		usage
	);
	const [asked, ...rest] = positionals;
	const what = subcommand('audit', asked, ['verify', 'export'], usage);
	expectArgs(rest, [], usage);
	return what === 'verify' ? auditVerify(values.json) : auditExport(values);
}
