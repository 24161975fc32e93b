/**
 * When the running server holds the database file, the CLI sends its import, metric, report and audit
 * export work to that server's API (found through `<db>.server.json`, server-info.ts) with an API token,
 * instead of refusing: a scheduled import keeps working while people use the web app. The answers are
 * the same JSON the local commands build, so their output does not change. The commands that need the
 * file itself (backup, restore, audit verify) are refused instead, naming the server and what to do.
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '$lib/domain/errors';
import type { MessageKey, Params } from '$lib/i18n';
import { settings } from '$lib/server/config';
import { DatabaseBusyError, getDatabase, type Database } from '$lib/server/db/connection';
import { runningServer, type ServerInfo } from '$lib/server/server-info';
import { CliError } from './output';

/** Where a command does its work: on the database file, or through the server that holds it. */
export type Target = { db: Database; server?: undefined } | { db?: undefined; server: ServerClient };

/** The database, or, when the running server holds it, a client of that server (a token needed). */
export async function openTarget(token: string | undefined): Promise<Target> {
	try {
		return { db: await getDatabase() };
	} catch (error) {
		if (!(error instanceof DatabaseBusyError)) throw error;
		// No live server: another CLI run holds the file, and the busy error says so.
		const server = runningServer(error.path);
		if (!server) throw error;
		const secret = token ?? settings().WORKBENCH_TOKEN;
		if (!secret) throw new CliError('system.cli.forward.needToken', { url: server.url, path: error.path }, 1);
		return { server: new ServerClient(server, secret) };
	}
}

/** What each command that works on the file itself says while a server holds it. */
const NEEDS_THE_FILE = {
	backup: 'system.cli.forward.heldBackup',
	restore: 'system.cli.forward.heldRestore',
	'audit verify': 'system.cli.forward.heldAuditVerify'
} as const satisfies Record<string, MessageKey>;
export type FileCommand = keyof typeof NEEDS_THE_FILE;

/**
 * Refuses `command` while a live server holds the database at `path`, before anything is written:
 * a backup or restore beside the running server would copy or replace a file in use. Said in both
 * languages, as the busy database is.
 */
export function refuseWhileServed(path: string, command: FileCommand): void {
	const server = runningServer(path);
	if (server) throw new UserError(NEEDS_THE_FILE[command], { url: server.url, path });
}

/** The database file itself, for a command that cannot be sent to the server (refused while one holds it). */
export async function openFile(command: FileCommand): Promise<Database> {
	try {
		return await getDatabase();
	} catch (error) {
		if (error instanceof DatabaseBusyError) refuseWhileServed(error.path, command);
		throw error;
	}
}

const fail = (key: MessageKey, params: Params) => new CliError(key, params, 1);

/** Calls of the server's API with the token; every failure becomes one CLI line naming the server. */
export class ServerClient {
	constructor(
		private readonly server: ServerInfo,
		private readonly token: string
	) {}

	get url(): string {
		return this.server.url;
	}

	/** One request; a refusal (any status ≥ 400) is thrown with the server's own message. */
	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('authorization', `Bearer ${this.token}`);
		let response: Response;
		try {
			response = await fetch(new URL(path, this.server.url), { ...init, headers, redirect: 'manual' });
		} catch (error) {
			const cause = (error as { cause?: { message?: string } }).cause?.message;
			throw fail('system.cli.forward.unreachable', {
				url: this.url,
				pid: this.server.pid,
				detail: cause ?? (error as Error).message
			});
		}
		if (response.status < 400) return response;
		const text = await response.text();
		let message = text.trim() || response.statusText;
		try {
			message = (JSON.parse(text) as { error?: string }).error ?? message;
		} catch {
			/* not JSON: the text as it came */
		}
		if (response.status === 401) throw fail('system.cli.forward.tokenRefused', { url: this.url, message });
		throw fail('system.cli.forward.refused', { url: this.url, status: response.status, message });
	}

	async json<T>(path: string, init: RequestInit = {}): Promise<T> {
		return (await (await this.request(path, init)).json()) as T;
	}

	/** A JSON body sent with POST. */
	async post<T>(path: string, body: unknown): Promise<T> {
		return this.json<T>(path, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	}

	/** A file streamed from disk to POST /api/uploads, as the browser uploads it; its upload id. */
	async upload(path: string): Promise<string> {
		const body = await openAsBlob(path);
		const name = encodeURIComponent(basename(path));
		// Without a content type the body does not reach the endpoint (SvelteKit reads none).
		const { uploadId } = await this.json<{ uploadId: string }>(`/api/uploads?name=${name}`, {
			method: 'POST',
			headers: { 'content-type': 'application/octet-stream' },
			body
		});
		return uploadId;
	}

	/** A job's failure as the CLI prints a local one: the server's message. */
	failed(message: string): CliError {
		return fail('system.cli.forward.failed', { message });
	}

	/** A download whose bytes do not match the SHA-256 the server stored for them. */
	corrupt(id: string, sha256: string): CliError {
		return fail('system.cli.forward.checksum', { url: this.url, id, sha256 });
	}
}
