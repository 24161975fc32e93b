import { escapeHtml } from '$lib/charts/common';
import { scopeText } from '$lib/domain/auth/scope';
import { cellText, isNumeric, kindOf } from '$lib/domain/reports/cells';
import type { ReportBlock, ReportDocument, ReportFact, ReportTable } from '$lib/domain/reports/document';
import { isKind } from '$lib/domain/records';
import { createT, hasMessage, intlLocale, kindLabel, type Translate } from '$lib/i18n';
import { renderSvg } from './svg';
import { REPORT_CSS } from './report-css';

function tableHtml(table: ReportTable, locale: string, t: Translate): string {
	if (!table.rows.length) return `<p class="empty">${escapeHtml(table.empty ?? t('report.empty'))}</p>`;
	const head = table.columns
		.map((c) => `<th${isNumeric(c) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
		.join('');
	const body = table.rows
		.map(
			(row) =>
				`<tr>${table.columns
					.map(
						(c) =>
							`<td${isNumeric(c) ? ' class="num"' : ''}>${escapeHtml(cellText(row[c.key] ?? null, kindOf(c, row), locale, t))}</td>`
					)
					.join('')}</tr>`
		)
		.join('\n');
	return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function factsHtml(facts: ReportFact[], locale: string, t: Translate): string {
	const rows = facts
		.map(
			(f) =>
				`<tr><th>${escapeHtml(f.label)}</th><td>${escapeHtml(cellText(f.value, f.kind, locale, t))}</td></tr>`
		)
		.join('\n');
	return `<table class="facts"><tbody>\n${rows}\n</tbody></table>`;
}

function blockHtml(block: ReportBlock, locale: string, t: Translate): string {
	switch (block.type) {
		case 'paragraph':
			return `<p>${escapeHtml(block.text)}</p>`;
		case 'facts':
			return factsHtml(block.facts, locale, t);
		case 'table':
			return `<div class="table"><h3>${escapeHtml(block.table.title)}</h3>${tableHtml(block.table, locale, t)}</div>`;
		case 'chart':
			// An empty chart is an empty picture: say so instead of drawing bare axes.
			return block.table.rows.length
				? `<figure class="chart"><figcaption>${escapeHtml(block.title)}</figcaption>${renderSvg(block.option, block.height)}</figure>${block.printTable ? tableHtml(block.table, locale, t) : ''}`
				: `<div class="table"><h3>${escapeHtml(block.title)}</h3>${tableHtml(block.table, locale, t)}</div>`;
	}
}

/** "产品型号：A、B；大区：华东" — the filters as the reader set them. */
export function filtersText(filters: Record<string, string[]>, t: Translate): string {
	const parts = Object.entries(filters)
		.filter(([, values]) => values.length)
		.map(([name, values]) => {
			const key = `filter.${name}`;
			return `${hasMessage(key) ? t(key) : name}: ${values.join(', ')}`;
		});
	return parts.length ? parts.join('; ') : t('report.meta.noFilters');
}

/** The cover facts every report starts with; a scoped user's report says its scope. */
export function metaFacts(doc: ReportDocument, t: Translate): ReportFact[] {
	return [
		{ label: t('report.meta.id'), value: doc.id },
		{ label: t('report.meta.period'), value: doc.period },
		{ label: t('report.meta.filters'), value: filtersText(doc.filters, t) },
		...(doc.scope ? [{ label: t('scope.label'), value: scopeText(doc.scope, t) }] : []),
		{ label: t('report.meta.generatedAt'), value: doc.generatedAt },
		{ label: t('report.meta.generatedBy'), value: doc.generatedBy }
	];
}

/** The appendices every report ends with, as tables (the XLSX writes them as sheets too). */
export function appendixTables(doc: ReportDocument, t: Translate): ReportTable[] {
	return [
		{
			id: 'definitions',
			title: t('report.appendix.definitions'),
			columns: [
				{ key: 'id', label: 'ID' },
				{ key: 'title', label: t('report.col.metric') },
				{ key: 'definition', label: t('report.col.definition') }
			],
			rows: doc.definitions.map((d) => ({ ...d }))
		},
		{
			id: 'lineage',
			title: t('report.appendix.lineage'),
			empty: t('report.appendix.lineageNone'),
			columns: [
				{ key: 'batch_id', label: t('report.col.batch'), kind: 'count' },
				{ key: 'kind', label: t('report.col.kind') },
				{ key: 'file_name', label: t('report.col.file') },
				{ key: 'sha256', label: t('report.col.sha256') },
				{ key: 'rows', label: t('report.col.rows'), kind: 'count' },
				{ key: 'accepted', label: t('report.col.accepted'), kind: 'count' },
				{ key: 'updated', label: t('report.col.updated'), kind: 'count' },
				{ key: 'rejected', label: t('report.col.rejected'), kind: 'count' },
				{ key: 'imported_at', label: t('report.col.importedAt') },
				{ key: 'imported_by', label: t('report.col.importedBy') }
			],
			rows: doc.lineage.map((l) => ({ ...l, kind: isKind(l.kind) ? kindLabel(doc.lang, l.kind) : l.kind }))
		}
	];
}

/**
 * One self-contained HTML file: styles inline, charts as inline SVG, no script, and a CSP that
 * forbids every fetch — so the file opens the same offline, years later, in an auditor's browser.
 */
export function renderHtml(doc: ReportDocument): string {
	const t = createT(doc.lang);
	const locale = intlLocale(doc.lang);
	const sections = doc.sections
		.map(
			(s) =>
				`<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, locale, t)).join('\n')}\n</section>`
		)
		.join('\n');
	const appendix = appendixTables(doc, t)
		.map(
			(table) =>
				`<section class="appendix" id="${table.id}"><h2>${escapeHtml(table.title)}</h2>${tableHtml(table, locale, t)}</section>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="report-id" content="${escapeHtml(doc.id)}">
<title>${escapeHtml(`${doc.title} ${doc.period} · ${doc.id}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="cover"><h1>${escapeHtml(doc.title)}</h1>${factsHtml(metaFacts(doc, t), locale, t)}</header>
${sections}
${appendix}
</body>
</html>
`;
}
