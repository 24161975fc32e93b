import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { settings } from '$lib/server/config';
import {
	catalogueFromRows,
	CatalogueError,
	validateCatalogue,
	type Catalogue
} from '$lib/domain/assessment/catalogue';
import { rowCells } from '../ingest/xlsx-cells';
import { assertZipSafe } from '../ingest/zip-guard';
import { InvalidCatalogueError } from './errors';

/**
 * Where indicator catalogues come from: the shipped default (data/standards/gbt27922-2011.json, or
 * the file WORKBENCH_STANDARD names — a certification body's catalogue made the site default), and
 * sheets a user uploads for one assessment (JSON, or XLSX whose first worksheet has the columns
 * documented in src/lib/domain/assessment/sheet.ts). Every catalogue is validated; problems come back as
 * InvalidCatalogueError naming the file and each item or row.
 */

/** A catalogue is a few hundred rows; anything much larger is not one (and is not worth parsing). */
export const MAX_CATALOGUE_BYTES = 5 * 1024 * 1024;

export function defaultCataloguePath(): string {
	return settings().WORKBENCH_STANDARD;
}

function invalid(source: string, error: unknown): never {
	if (error instanceof CatalogueError) throw new InvalidCatalogueError(source, error.issues);
	if (error instanceof SyntaxError)
		throw new InvalidCatalogueError(source, [`not valid JSON: ${error.message}`]);
	throw error;
}

/** Validates parsed JSON as a catalogue. */
function catalogueFromJson(json: unknown, source = 'catalogue'): Catalogue {
	try {
		return validateCatalogue(json);
	} catch (error) {
		invalid(source, error);
	}
}

/** The catalogue a new assessment is created with: the one sent with it, else the default. */
export async function catalogueOrDefault(json: unknown): Promise<Catalogue> {
	return json === undefined ? loadDefaultCatalogue() : catalogueFromJson(json, 'catalogue');
}

/** The default catalogue, read and validated on each call (the file is small and may be edited). */
export async function loadDefaultCatalogue(): Promise<Catalogue> {
	const path = defaultCataloguePath();
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new InvalidCatalogueError(path, [`cannot read the catalogue file: ${(error as Error).message}`]);
	}
	try {
		return validateCatalogue(JSON.parse(text.replace(/^\uFEFF/, '')));
	} catch (error) {
		invalid(path, error);
	}
}

async function isZip(path: string): Promise<boolean> {
	const handle = await open(path, 'r');
	try {
		const head = Buffer.alloc(4);
		await handle.read(head, 0, 4, 0);
		return head.readUInt32LE(0) === 0x04034b50;
	} finally {
		await handle.close();
	}
}

/** The text cells of the first worksheet of an XLSX, row by row (row 1 first, blank rows kept). */
async function xlsxRows(path: string): Promise<string[][]> {
	await assertZipSafe(path);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(path);
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
	const rows: string[][] = [];
	// keep blank rows so that row numbers in errors are the sheet's own
	for (let r = 1; r <= sheet.rowCount; r++) rows.push(rowCells(sheet.getRow(r), date1904));
	return rows;
}

/**
 * A catalogue from an uploaded file: JSON (by content) or XLSX (a zip). `fileName` is the user's name
 * for the file: it names the source in errors and, for a sheet, becomes the catalogue id and title.
 */
export async function loadCatalogueFile(path: string, fileName = basename(path)): Promise<Catalogue> {
	const size = (await stat(path)).size;
	if (size > MAX_CATALOGUE_BYTES)
		throw new InvalidCatalogueError(fileName, [
			`file is ${size} bytes; a catalogue is at most ${MAX_CATALOGUE_BYTES}`
		]);
	if (await isZip(path)) {
		let rows: string[][];
		try {
			rows = await xlsxRows(path);
		} catch (error) {
			throw new InvalidCatalogueError(fileName, [`not a readable XLSX file: ${(error as Error).message}`]);
		}
		const stem = basename(fileName, extname(fileName));
		try {
			return catalogueFromRows(rows, { id: stem || 'custom', title: stem || 'Imported indicator sheet' });
		} catch (error) {
			invalid(fileName, error);
		}
	}
	const text = await readFile(path, 'utf8');
	try {
		return validateCatalogue(JSON.parse(text.replace(/^\uFEFF/, '')));
	} catch (error) {
		invalid(fileName, error);
	}
}
