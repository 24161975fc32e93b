import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { ReportSnapshot } from '$lib/domain/reports/api';
import { createT } from '$lib/i18n';
import { settings } from '../config';
import { ReportError } from './errors';

/**
 * Where a scheduled report goes: a folder (a file share, a synced folder) and e-mail. The folder gets
 * the file under its snapshot name, written whole or not at all, so a reader never opens half a PDF.
 */
export async function deliverToFolder(
	folder: string,
	snapshot: ReportSnapshot,
	bytes: Buffer
): Promise<string> {
	await mkdir(folder, { recursive: true });
	const target = join(folder, snapshot.fileName);
	const temp = join(folder, `.${snapshot.fileName}.${process.pid}.tmp`);
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
