/**
 * The report's print stylesheet: A4, CJK fonts installed on the machine (fonts-noto-cjk; no web
 * font is fetched), and no chart, table row or fact list split across pages.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 18mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
	font-size: 10pt; line-height: 1.45; color: #1b2430; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 8mm 0 3mm; border-bottom: 1px solid #c9d2de; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; }
p.empty { color: #5b6878; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9pt; }
thead { display: table-header-group; }
tr, figure, .facts { break-inside: avoid; }
th, td { border: 1px solid #d5dce6; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #eef2f7; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.facts th { width: 30%; background: #f6f8fb; }
figure { margin: 0 0 4mm; }
figcaption { font-weight: 600; margin-bottom: 1mm; }
figure svg { display: block; max-width: 100%; height: auto; }
.cover { margin-bottom: 6mm; }
.appendix { break-before: page; }
#lineage table { font-size: 7.5pt; }
#lineage td:nth-child(4) { font-family: 'Noto Sans Mono CJK SC', monospace; word-break: break-all; width: 34mm; }
.appendix ~ .appendix { break-before: auto; }
`;
