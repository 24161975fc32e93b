/** A usage or input error the CLI reports as one line on stderr. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 2
	) {
		super(message);
	}
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
