/**
 * A running server's address, published beside the database file it holds (`<db>.server.json`), so
 * that the CLI, which finds that file locked, can send its work to the server instead of refusing.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { settings } from './config';

const infoSchema = z.object({ url: z.url(), pid: z.number().int().positive() });
export type ServerInfo = z.output<typeof infoSchema>;

export const serverInfoPath = (database: string) => `${database}.server.json`;

/** The address the server answers to: ORIGIN (its Host check accepts no other name), else loopback. */
function ownUrl(): string {
	const { ORIGIN, PORT } = settings();
	return ORIGIN ?? `http://127.0.0.1:${PORT}`;
}

/**
 * Writes this process's address beside `database` and removes it when the process shuts down or exits
 * (a killed process leaves it; its dead pid makes it stale, see runningServer).
 */
export function publishServer(database: string): void {
	const path = serverInfoPath(database);
	const info: ServerInfo = { url: ownUrl(), pid: process.pid };
	writeFileSync(path, `${JSON.stringify(info)}\n`, { mode: 0o644 });
	const remove = () => {
		// Only our own file: a server started after us may have replaced it.
		if (runningServer(database)?.pid === process.pid) rmSync(path, { force: true });
	};
	process.once('sveltekit:shutdown', remove);
	process.once('exit', remove);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The server holding `database`, or null: no file, an unreadable one, or a stale one whose pid is dead. */
export function runningServer(database: string): ServerInfo | null {
	let text: string;
	try {
		text = readFileSync(serverInfoPath(database), 'utf8');
	} catch {
		return null;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return null;
	}
	const info = infoSchema.safeParse(parsed);
	return info.success && alive(info.data.pid) ? info.data : null;
}
