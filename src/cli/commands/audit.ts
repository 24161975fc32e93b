import { parseArgs } from 'node:util';
import { verifyAudit } from '$lib/server/audit/verify';
import { getDatabase } from '$lib/server/db/connection';
import { CliError, cliText } from '../output';

/** `workbench audit verify`: recomputes the audit log's hash chain; exit 1 naming the first broken entry. */
export async function runAudit(args: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: 'boolean' } }
	});
	if (positionals[0] !== 'verify' || positionals.length !== 1) throw new CliError('system.cli.auditUsage');
	const result = await verifyAudit(await getDatabase());
	if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
	else if (!result.broken)
		process.stdout.write(
			`${cliText('system.cli.auditOk', { entries: result.entries, unchained: result.unchained })}\n`
		);
	if (result.broken)
		throw new CliError('system.cli.auditBroken', { id: result.broken.id, reason: result.broken.reason }, 1);
}
