import { mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { ReportSnapshot } from '$lib/domain/reports/api';
import { createT } from '$lib/i18n';
import { settings } from '../config';
import { ReportError } from './errors';

/** The path as the file system resolves it (links followed) for its part that exists; the rest as given. */
async function resolvedSoFar(path: string): Promise<string> {
	try {
		return await realpath(path);
	} catch (error) {
		const parent = dirname(path);
		const code = (error as NodeJS.ErrnoException).code;
		// A part that is missing (or a file where a folder would be) is taken as written: nothing to follow.
		if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === path) throw error;
		return join(await resolvedSoFar(parent), basename(path));
	}
}

const within = (root: string, path: string) => {
	const rest = relative(root, path);
	return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
};

/**
 * The folder a schedule may deliver to, resolved: one of the delivery folders (WORKBENCH_DELIVERY_FOLDERS)
 * or below one, `..` and links followed — the server, often run as a privileged user, writes where an
 * administrator allowed, not wherever a user types. Otherwise refused, naming the folders allowed.
 */
export async function deliveryFolder(folder: string): Promise<string> {
	const roots = settings().WORKBENCH_DELIVERY_FOLDERS;
	const target = await resolvedSoFar(resolve(folder));
	for (const root of roots) if (within(await resolvedSoFar(root), target)) return target;
	throw new ReportError(422, 'report.sc.error.folderOutside', { folder, folders: roots.join(delimiter) });
}

/**
 * Where a scheduled report goes: a folder (a file share, a synced folder) and e-mail. The folder gets
 * the file under its snapshot name, written whole or not at all, so a reader never opens half a PDF.
 */
export async function deliverToFolder(
	folder: string,
	snapshot: ReportSnapshot,
	bytes: Buffer
): Promise<string> {
	const dir = await deliveryFolder(folder);
	await mkdir(dir, { recursive: true });
	const target = join(dir, snapshot.fileName);
	const temp = join(dir, `.${snapshot.fileName}.${process.pid}.tmp`);
	try {
		await writeFile(temp, bytes);
		await rename(temp, target);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
	return target;
}

export interface MailedReport {
	to: string[];
	snapshot: ReportSnapshot;
	title: string;
	bytes: Buffer;
}

/** Mails the PDF as the one attachment; the body names the report and its SHA-256 to check it by. */
export async function mailReport({ to, snapshot, title, bytes }: MailedReport): Promise<void> {
	const { WORKBENCH_SMTP_URL: url, WORKBENCH_MAIL_FROM: from } = settings();
	if (!url || !from) throw new ReportError(422, 'report.sc.error.noSmtp');
	const t = createT(snapshot.lang);
	const params = { title, period: snapshot.period, id: snapshot.id, sha256: snapshot.sha256 };
	const transport = createTransport(url);
	try {
		await transport.sendMail({
			from,
			to,
			subject: t('report.sc.mail.subject', params),
			text: t('report.sc.mail.body', params),
			attachments: [{ filename: snapshot.fileName, content: bytes, contentType: 'application/pdf' }]
		});
	} finally {
		transport.close();
	}
}
