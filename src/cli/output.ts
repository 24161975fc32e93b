import { UserError } from '$lib/domain/errors';
import { translate, type Locale, type MessageKey, type Params } from '$lib/i18n';
import { settings } from '$lib/server/config';

/**
 * The language WORKBENCH_LANG asks the CLI to speak; null when unset (or when the settings cannot be
 * read: the error that says so has to be printed in some language).
 */
export function cliLocale(): Locale | null {
	try {
		return settings().WORKBENCH_LANG ?? null;
	} catch {
		return null;
	}
}

/** The CLI's own words (usage, results, its errors): WORKBENCH_LANG, else English like its flags. */
export const cliText = (key: MessageKey, params?: Params) => translate(cliLocale() ?? 'en', key, params);

/** A user's error as the CLI prints it: in WORKBENCH_LANG, else in both languages. */
export const cliErrorText = (error: UserError): string => {
	const locale = cliLocale();
	return locale && !(error instanceof CliError) ? error.in(locale) : error.message;
};

/**
 * A usage or input error the CLI reports as one line on stderr, in the language of its usage text
 * (cliText).
 */
export class CliError extends UserError {
	constructor(
		key: MessageKey,
		params: Params = {},
		readonly exitCode = 2
	) {
		super(key, params);
		this.message = cliText(key, params);
	}
}

/** A command's usage, made when it is shown so that it is in the CLI's language. */
export type Usage = () => string;

/** "Usage:" and a command's usage text, indented: what --help prints and what a usage error ends with. */
export function usageBlock(key: MessageKey, params?: Params): string {
	const lines = cliText(key, params)
		.split('\n')
		.map((line) => (line ? `  ${line}` : line));
	return [cliText('system.cli.usageHead'), ...lines].join('\n');
}

/** What is wrong with a command's arguments, on its line, then the command's usage. */
export function usageError(usage: Usage, key: MessageKey, params: Params = {}): CliError {
	const error = new CliError(key, params);
	error.message = `${error.message}\n${usage()}`;
	return error;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes, --json). */
export function progressBar(label: string): {
	update: (fraction: number, phase: string) => void;
	done: () => void;
} {
	const tty = process.stderr.isTTY;
	let last = -1;
	return {
		update(fraction, phase) {
			if (!tty) return;
			const percent = Math.floor(fraction * 100);
			if (percent === last) return;
			last = percent;
			const width = 30;
			const filled = Math.round((width * percent) / 100);
			process.stderr.write(
				`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${phase}   `
			);
		},
		done() {
			if (tty && last >= 0) process.stderr.write('\n');
		}
	};
}
