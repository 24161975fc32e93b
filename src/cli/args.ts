import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { cliLocale, usageError, type Usage } from './output';

/** Thrown when a command is asked for its usage (--help, -h): main prints it on stdout and exits 0. */
export class HelpRequested extends Error {
	constructor(readonly usage: string) {
		super('help requested');
	}
}

/** A command's flags, as parseArgs takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Node's test for a value that looks like an option, which its strict parse refuses as ambiguous. */
const optionLike = (value: string) => value.length > 1 && value.startsWith('-');

/**
 * A command's flags and positionals as node's parseArgs reads them, checked first in the CLI's own
 * words, since node's errors are English stack traces: an unknown option, an option without its value
 * or a switch given one is refused by name with the usage. --help or -h asks for the usage instead.
 */
export function parseCommand<const O extends CommandOptions>(args: string[], options: O, usage: Usage) {
	const { tokens } = parseArgs({
		args,
		options: { ...options, ...HELP },
		allowPositionals: true,
		strict: false,
		tokens: true
	});
	const flags = tokens.flatMap((token) => (token.kind === 'option' ? [token] : []));
	if (flags.some((flag) => flag.name === 'help')) throw new HelpRequested(usage());
	for (const { name, rawName, value, inlineValue } of flags) {
		const option = Object.hasOwn(options, name) ? options[name] : undefined;
		const problem = !option
			? 'system.cli.unknownOption'
			: option.type === 'boolean'
				? inlineValue && 'system.cli.optionTakesNoValue'
				: (value === undefined || (!inlineValue && optionLike(value))) && 'system.cli.optionNeedsValue';
		if (problem) throw usageError(usage, problem, { option: rawName });
	}
	return parseArgs({ args, options, allowPositionals: true });
}

/** The positionals a command takes, named as its usage names them (FILE, ID …): a missing or extra one is refused. */
export function expectArgs(positionals: string[], names: readonly string[], usage: Usage): string[] {
	if (positionals.length < names.length)
		throw usageError(usage, 'system.cli.missing', { what: names[positionals.length] });
	if (positionals.length > names.length)
		throw usageError(usage, 'system.cli.unexpectedArgument', { argument: positionals[names.length] });
	return positionals;
}

/** The subcommand `what` of `command`, one of `choices`: none, or another, is refused naming them. */
export function subcommand<const C extends string>(
	command: string,
	what: string | undefined,
	choices: readonly C[],
	usage: Usage
): C {
	const choice = choices.find((c) => c === what);
	if (choice === undefined)
		throw usageError(usage, 'system.cli.badWhat', { command, choices: choices.join(', ') });
	return choice;
}

/** A positional that must be a whole number (a batch, schedule or token id), refused by name otherwise. */
export function numberArg(value: string, what: string, usage: Usage): number {
	if (!/^\d+$/.test(value)) throw usageError(usage, 'system.cli.notNumber', { what, value });
	return Number(value);
}

/**
 * A command's option values checked by its schema (`flags` names the --option of a field named
 * otherwise). The first problem is refused in the CLI's language, naming the option: a missing value
 * or one given outside the allowed values names those values (zod's own wording says neither which
 * option nor which value); any other problem is zod's, in Chinese under WORKBENCH_LANG=zh-CN.
 */
export function checkOptions<S extends z.ZodType>(
	schema: S,
	input: unknown,
	usage: Usage,
	flags: Record<string, string> = {}
): z.output<S> {
	const parsed = schema.safeParse(input, {
		reportInput: true,
		error: cliLocale() === 'zh-CN' ? z.locales.zhCN().localeError : undefined
	});
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const field = issue.path.length ? String(issue.path[0]) : '';
	const option = field && `--${flags[field] ?? field}`;
	const allowed = issue.code === 'invalid_value' ? issue.values.map(String).join(', ') : '';
	if (option && issue.input === undefined) {
		if (allowed) throw usageError(usage, 'system.cli.missingChoice', { option, allowed });
		throw usageError(usage, 'system.cli.missing', { what: option });
	}
	if (option && allowed)
		throw usageError(usage, 'system.cli.badChoice', { option, value: String(issue.input), allowed });
	// A check across fields (a refine) gets the whole object as its input: no value of the option's own.
	const value = typeof issue.input === 'string' || typeof issue.input === 'number' ? ` "${issue.input}"` : '';
	throw usageError(usage, 'system.cli.badOption', {
		option: option && `${option}${value}: `,
		problem: issue.message
	});
}
