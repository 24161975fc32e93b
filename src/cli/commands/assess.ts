import { readFileSync } from 'node:fs';
import { firstLevel, validateCatalogue, type Catalogue } from '$lib/domain/assessment/catalogue';
import { AssessmentError, CatalogueError } from '$lib/domain/assessment/errors';
import { gapToNextLevel } from '$lib/domain/assessment/gap';
import { itemStatusKey, levelKey } from '$lib/domain/assessment/labels';
import { score, validateAssessment, type ScoreResult } from '$lib/domain/assessment/scoring';
import { bilingual, translate, type MessageKey, type Params } from '$lib/i18n';
import { defaultCataloguePath } from '$lib/server/assessment/catalogue-store';
import { expectArgs, parseCommand, subcommand } from '../args';
import { CliError, cliLocale, usageBlock } from '../output';

const usage = () => usageBlock('system.cli.assessUsage');

/** What a file is, by the messages that say it cannot be read or is not JSON. */
const CATALOGUE = {
	unreadable: 'system.cli.unreadableCatalogue',
	notJson: 'system.cli.catalogueNotJson'
} as const;
const ASSESSMENT = {
	unreadable: 'system.cli.unreadableAssessment',
	notJson: 'system.cli.assessmentNotJson'
} as const;

function readJson(path: string, what: typeof CATALOGUE | typeof ASSESSMENT): unknown {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const reason = String((error as NodeJS.ErrnoException).code ?? error);
		throw new CliError(what.unreadable, { path, reason }, 1);
	}
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new CliError(what.notJson, { path, reason: (error as Error).message }, 1);
	}
}

// A refused file's issues quote its keys; the line is in the CLI's language (English unless set).
function loadCatalogue(path: string): Catalogue {
	try {
		return validateCatalogue(readJson(path, CATALOGUE));
	} catch (error) {
		if (error instanceof CatalogueError)
			throw new CliError('system.cli.refusedFile', { path, reason: error.in(cliLocale() ?? 'en') }, 1);
		throw error;
	}
}

const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
/** The English term inside a sentence of the summary: "to five-star", "check items not assessed". */
const en = (key: MessageKey, params?: Params) => {
	const text = translate('en', key, params);
	return text.charAt(0).toLowerCase() + text.slice(1);
};
/** "中文 / english" within a line of the summary. */
const both = (key: MessageKey, params?: Params) => `${zh(key, params)} / ${en(key, params)}`;

const fmt = (x: number) => String(Math.round(x * 100) / 100);
const pct = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

/** The readable (zh / en) summary of a score and the gap to the next level; every term from i18n. */
function summary(catalogue: Catalogue, result: ScoreResult, gap: ReturnType<typeof gapToNextLevel>): string {
	const notAssessed = itemStatusKey('not-assessed');
	const provisional = result.provisional
		? `  [${zh('as.provisional')} ${en('as.provisional')}: ` +
			`${result.notAssessed.length} ${zh('as.cli.items')}${zh(notAssessed)} / ${en('as.cli.items')} ${en(notAssessed)} — ${en('as.cli.lowerBound')}]`
		: '';
	const lines = [
		`${both('as.cli.selfAssessment')} — ${catalogue.id}`,
		`${bilingual('as.cli.score')}: ${fmt(result.score)}  ${both(levelKey(result.level))}${provisional}`,
		`${bilingual('as.cli.base')}: ${fmt(result.base)} = ${bilingual('as.cli.earned')} ${fmt(result.earned)} ÷ ` +
			`${bilingual('as.cli.applicable')} ${fmt(result.applicable)} × 100`,
		`${bilingual('as.cli.deductions')}: ${result.deductions}${result.deductions >= 5 ? ` (≥ 5: ${both('as.cli.fails')})` : ''}` +
			`   ${bilingual('as.cli.merit')}: ${result.merit}`,
		'',
		`${bilingual('as.cli.firstLevel')}:`
	];
	for (const top of firstLevel(catalogue)) {
		const s = result.perIndicator.find((i) => i.id === top.id);
		if (!s) continue;
		lines.push(
			`  ${top.id} ${top.title_zh} / ${top.title_en}: ${fmt(s.earned)} / ${fmt(s.applicable)} (${pct(s.attainment)})`
		);
	}
	lines.push('');
	if (!gap.target) lines.push(`${zh('as.cli.highest')} / ${translate('en', 'as.cli.highest')}`);
	else {
		const target = levelKey(gap.target);
		const to = `${zh('as.cli.to', { level: zh(target) })} / ${en('as.cli.to', { level: en(target) })}`;
		if (!gap.reachable)
			lines.push(
				`${to}: ${both(gap.blocked === 'deductions' ? 'as.cli.blockedByDeductions' : 'as.cli.nothingToGain')}`
			);
		else {
			lines.push(
				`${to} (≥ ${gap.targetScore}): ${both('as.cli.short', { points: fmt(gap.needed) })} — ${both('as.cli.conform')}:`
			);
			const titles = new Map(catalogue.items.map((i) => [i.id, i]));
			for (const item of gap.items)
				lines.push(`  ${item.id} ${titles.get(item.id)?.title_zh ?? ''}  +${fmt(item.gain)}`);
		}
	}
	if (result.level !== 'not-rated' && result.level !== 'compliant') lines.push('', bilingual('as.starNote'));
	return lines.join('\n');
}

/** `assess score FILE.json [--catalogue CATALOGUE.json] [--json]` */
export async function runAssess(args: string[]): Promise<void> {
	const { values, positionals } = parseCommand(
		args,
		{ catalogue: { type: 'string' }, json: { type: 'boolean' } },
		usage
	);
	const [sub, ...rest] = positionals;
	subcommand('assess', sub, ['score'], usage);
	const [file] = expectArgs(rest, ['FILE.json'], usage);
	const catalogue = loadCatalogue(values.catalogue ?? defaultCataloguePath());
	const json = readJson(file, ASSESSMENT);
	let input;
	try {
		input = validateAssessment(catalogue, json);
	} catch (error) {
		if (error instanceof AssessmentError)
			throw new CliError('system.cli.refusedFile', { path: file, reason: error.in(cliLocale() ?? 'en') }, 1);
		throw error;
	}
	const result = score(catalogue, input);
	if (values.json) {
		const { earned, applicable, base, deductions, merit, score: total, level, provisional } = result;
		process.stdout.write(
			`${JSON.stringify({ earned, applicable, base, deductions, merit, score: total, level, provisional })}\n`
		);
		return;
	}
	process.stdout.write(`${summary(catalogue, result, gapToNextLevel(catalogue, input))}\n`);
}
