import { z } from 'zod';

/**
 * The defect code dictionary: a name in Chinese (and optionally English) for each code a repair
 * export carries, so charts say "E5 压缩机异响" rather than "E5". Shared by the server (metrics,
 * reports, the settings API), the settings page and the CLI.
 */

/** Where a name came from: typed in settings, read from a dictionary sheet, or learned from repairs. */
export const DEFECT_CODE_SOURCES = ['manual', 'import', 'learned'] as const;
export type DefectCodeSource = (typeof DEFECT_CODE_SOURCES)[number];

export interface DefectCode {
	code: string;
	name_zh: string;
	name_en: string | null;
	source: DefectCodeSource;
	updated_at: string;
	updated_by: string;
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** What settings sends to create or change one entry. */
export const defectCodeInput = z.object({
	code: text(64),
	name_zh: text(200),
	name_en: z
		.string()
		.trim()
		.max(200)
		.nullish()
		.transform((v) => (v ? v : null))
});
export type DefectCodeInput = z.infer<typeof defectCodeInput>;

/** What a dictionary sheet import did: the file, its rows, and how many codes it added or changed. */
export interface DictionaryImportResult {
	file: string;
	rows: number;
	added: number;
	changed: number;
	unchanged: number;
}

/** The names a metric row carries beside its key when it is grouped by defect code (else both null). */
export interface DefectNames {
	name_zh?: string | null;
	name_en?: string | null;
}

/**
 * "E5 压缩机异响": the code with its name in the reader's language — English falls back to the
 * Chinese name, then to the bare code.
 */
export function defectLabel(code: string, names: DefectNames, locale: string): string {
	const name = (locale.startsWith('en') ? names.name_en : null) || names.name_zh;
	return name ? `${code} ${name}` : code;
}
