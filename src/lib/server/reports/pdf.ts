import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { UserError } from '$lib/domain/errors';
import { createT, type Locale } from '$lib/i18n';
import { settings } from '../config';
import { escapeHtml } from '$lib/charts/common';
import { CHROMIUM_ARGS } from './chromium-args';

/** Is there a Chromium to print with? The Reports page and CLI say what to install when not. */
export function pdfAvailable(): boolean {
	return existsSync(settings().CHROMIUM_PATH);
}

/**
 * The report HTML printed to an A4 PDF by Chromium: a header with the report id, "page x of y" in
 * the footer, fonts embedded by Chromium. The page is loaded from a string with every request
 * blocked, and printing waits until its fonts are ready (charts are inline SVG, ready at load).
 */
export async function printPdf(html: string, reportId: string, lang: Locale): Promise<Buffer> {
	const path = settings().CHROMIUM_PATH;
	if (!existsSync(path)) throw new UserError('report.pdf.noChromium', { path });
	const t = createT(lang);
	const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		await page.route('**/*', (route) => route.abort());
		await page.setContent(html, { waitUntil: 'load' });
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		const small = 'font-size:8px;color:#5b6878;width:100%;padding:0 15mm;font-family:sans-serif';
		return await page.pdf({
			format: 'A4',
			printBackground: true,
			preferCSSPageSize: true,
			displayHeaderFooter: true,
			headerTemplate: `<div style="${small};text-align:right">${escapeHtml(reportId)}</div>`,
			footerTemplate: `<div style="${small};text-align:center">${t('report.meta.page', {
				page: '<span class="pageNumber"></span>',
				pages: '<span class="totalPages"></span>'
			})}</div>`
		});
	} catch (error) {
		if (error instanceof UserError) throw error;
		throw new UserError('report.pdf.failed', {
			reason: error instanceof Error ? error.message.split('\n')[0] : String(error)
		});
	} finally {
		await browser.close();
	}
}
