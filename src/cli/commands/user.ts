import { z } from 'zod';
import { ROLES } from '$lib/domain/auth/user';
import { generatePassword } from '$lib/server/auth/passwords';
import { addToken, listTokens, revokeToken } from '$lib/server/auth/tokens';
import {
	addUser,
	checkPassword,
	checkUserName,
	listUsers,
	requireUser,
	setDisabled,
	setPassword,
	type UserRecord
} from '$lib/server/auth/users';
import { getDatabase, type Database } from '$lib/server/db/connection';
import { CLI_ACTOR } from '../actor';
import { checkOptions, expectArgs, numberArg, parseCommand, subcommand } from '../args';
import { CliError, cliText, usageBlock, usageError } from '../output';

const usage = () => usageBlock('auth.cli.usage');

function print(json: boolean | undefined, value: unknown, text: string): void {
	process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

const list = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? '')
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean)
	);

const addOptions = z.object({
	role: z.enum(ROLES),
	regions: list,
	models: list
});

/** The password from stdin (--password-stdin, first line) or a new strong one; checked before use. */
async function passwordFrom(stdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
	if (!stdin) return { password: generatePassword(), generated: true };
	let text = '';
	for await (const chunk of process.stdin) text += String(chunk);
	const password = text.split(/\r?\n/)[0] ?? '';
	if (!password) throw new CliError('auth.cli.noPassword');
	return { password: checkPassword(password), generated: false };
}

/** NAME as the one positional the subcommand needs, checked before anything is printed or asked. */
function nameArg(args: string[]): string {
	return checkUserName(expectArgs(args, ['NAME'], usage)[0]);
}

const userLine = (u: UserRecord) =>
	[
		u.name,
		u.role,
		u.scope.regions.length ? `regions ${u.scope.regions.join(',')}` : '',
		u.scope.models.length ? `models ${u.scope.models.join(',')}` : '',
		u.disabledAt === null ? '' : 'disabled'
	]
		.filter(Boolean)
		.join('  ');

async function runToken(
	db: Database,
	args: string[],
	values: { label?: string; json?: boolean }
): Promise<void> {
	const [asked, ...rest] = args;
	const what = subcommand('user token', asked, ['add', 'list', 'revoke'], usage);
	if (what === 'add') {
		const name = nameArg(rest);
		if (!values.label) throw usageError(usage, 'system.cli.missing', { what: '--label' });
		const user = await requireUser(db, name);
		const made = await addToken(db, user, values.label, CLI_ACTOR);
		return print(
			values.json,
			{ ...made, user: user.name },
			cliText('auth.cli.token', { id: made.id, prefix: made.prefix, token: made.token })
		);
	}
	if (what === 'list') {
		const tokens = await listTokens(db, rest.length ? (await requireUser(db, nameArg(rest))).id : undefined);
		const at = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());
		return print(
			values.json,
			tokens,
			tokens
				.map(
					(t) =>
						`#${t.id}  ${t.userName}  ${t.prefix}…  ${t.label}  used ${at(t.lastUsedAt)}${t.revokedAt === null ? '' : '  revoked'}`
				)
				.join('\n') || cliText('auth.token.none')
		);
	}
	const id = numberArg(expectArgs(rest, ['ID'], usage)[0], 'ID', usage);
	await revokeToken(db, id, CLI_ACTOR);
	return print(values.json, { revoked: id }, cliText('auth.cli.revoked', { id }));
}

/** `workbench user add|list|disable|enable|reset|token …`: accounts from the shell, every change audited as 'cli'. */
export async function runUser(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(
		args,
		{
			role: { type: 'string' },
			regions: { type: 'string' },
			models: { type: 'string' },
			label: { type: 'string' },
			'password-stdin': { type: 'boolean' },
			json: { type: 'boolean' }
		},
		usage
	);
	const [asked, ...rest] = positionals;
	const what = subcommand('user', asked, ['add', 'list', 'disable', 'enable', 'reset', 'token'], usage);
	if (what === 'add') {
		const userName = nameArg(rest);
		const options = checkOptions(addOptions, values, usage);
		const { password, generated } = await passwordFrom(values['password-stdin']);
		const db = await getDatabase();
		const user = await addUser(
			db,
			{ name: userName, role: options.role, scope: options, password },
			CLI_ACTOR
		);
		const shown = generated ? { password } : {};
		return print(
			values.json,
			{ name: user.name, role: user.role, scope: user.scope, ...shown },
			[
				cliText('auth.cli.added', { name: user.name, role: user.role }),
				generated ? cliText('auth.cli.password', { name: user.name, password }) : ''
			]
				.filter(Boolean)
				.join('\n')
		);
	}
	const db = await getDatabase();
	if (what === 'list') {
		expectArgs(rest, [], usage);
		const users = await listUsers(db);
		return print(values.json, users, users.map(userLine).join('\n') || cliText('auth.cli.noUsers'));
	}
	if (what === 'disable' || what === 'enable') {
		const user = await requireUser(db, nameArg(rest));
		const disable = what === 'disable';
		const changed = await setDisabled(db, user, disable, CLI_ACTOR);
		const said = disable
			? changed
				? 'auth.cli.disabled'
				: 'auth.cli.alreadyDisabled'
			: changed
				? 'auth.cli.enabled'
				: 'auth.cli.alreadyEnabled';
		return print(
			values.json,
			{ [what === 'disable' ? 'disabled' : 'enabled']: user.name, changed },
			cliText(said, { name: user.name })
		);
	}
	if (what === 'reset') {
		const user = await requireUser(db, nameArg(rest));
		const { password, generated } = await passwordFrom(values['password-stdin']);
		await setPassword(db, user, password, CLI_ACTOR, 'user.reset');
		return print(
			values.json,
			{ name: user.name, ...(generated ? { password } : {}) },
			[
				cliText('auth.cli.reset', { name: user.name }),
				generated ? cliText('auth.cli.password', { name: user.name, password }) : ''
			]
				.filter(Boolean)
				.join('\n')
		);
	}
	return runToken(db, rest, values);
}
