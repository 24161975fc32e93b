import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { generatePassword } from '$lib/server/auth/passwords';
import { addUser, findUser, setDisabled, setPassword } from '$lib/server/auth/users';
import { settings } from '$lib/server/config';
import type { Database } from '$lib/server/db/connection';
import { KINDS } from '$lib/domain/records';
import { getDatabase } from '$lib/server/db/connection';
import { importDefectCodeSheet } from '$lib/server/catalogue/defect-code-sheet';
import { importFile } from '$lib/server/ingest';
import { CLI_ACTOR } from '../actor';
import { expectArgs, parseCommand } from '../args';
import { CliError, cliText, progressBar, usageBlock } from '../output';
import { summaryLine } from './import';

/**
 * data/samples/manifest.json: which sample file is which kind, in import order, and the defect code
 * dictionary sheet, imported first so the repairs find their codes named (and learn none).
 */
const manifestSchema = z.object({
	dictionary: z.string().optional(),
	files: z.array(z.object({ file: z.string(), kind: z.enum(KINDS) }))
});

/** The sample data set's manifest; a folder without one is named, with the setting that points to it. */
async function readManifest(dir: string): Promise<z.output<typeof manifestSchema>> {
	const path = join(dir, 'manifest.json');
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new CliError(
			'system.cli.noSamples',
			{ path, reason: String((error as NodeJS.ErrnoException).code ?? error) },
			1
		);
	}
	return manifestSchema.parse(JSON.parse(text));
}

/** The admin `demo` with a new password (made, or reset and enabled again), so the demo URL can be opened. */
async function demoLogin(db: Database): Promise<{ name: string; password: string }> {
	const name = 'demo';
	const password = generatePassword();
	const user = await findUser(db, name);
	if (!user)
		await addUser(db, { name, role: 'admin', scope: { regions: [], models: [] }, password }, CLI_ACTOR);
	else {
		await setPassword(db, user, password, CLI_ACTOR, 'user.reset');
		await setDisabled(db, user, false, CLI_ACTOR);
	}
	return { name, password };
}

/**
 * Loads the sample data set (importing it again is harmless: every row counts as a duplicate) and
 * gives the admin `demo` a new password, printed last.
 */
export async function runDemo(args: string[]): Promise<void> {
	const usage = () => usageBlock('system.cli.demoUsage');
	const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } }, usage);
	expectArgs(positionals, [], usage);
	const dir = settings().WORKBENCH_SAMPLES;
	const manifest = await readManifest(dir);
	const db = await getDatabase();
	const dictionary = manifest.dictionary
		? await importDefectCodeSheet(db, join(dir, manifest.dictionary), CLI_ACTOR.name, {
				origin: CLI_ACTOR.origin
			})
		: null;
	if (dictionary && !values.json) process.stdout.write(`${cliText('dict.imported', { ...dictionary })}\n`);
	const results = [];
	for (const { file, kind } of manifest.files) {
		const bar = progressBar(file);
		const result = await importFile(db, join(dir, file), {
			kind,
			importedBy: CLI_ACTOR.name,
			onProgress: values.json ? undefined : (p) => bar.update(p.fraction, p.phase)
		});
		bar.done();
		results.push(result);
		if (!values.json) process.stdout.write(`${summaryLine(result)}\n`);
	}
	const login = await demoLogin(db);
	if (values.json) process.stdout.write(`${JSON.stringify({ dictionary, imported: results, login })}\n`);
	else process.stdout.write(`${cliText('auth.cli.demo', login)}\n`);
}
