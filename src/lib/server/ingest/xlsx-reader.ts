import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ImportError } from './errors';
import { InflateMeter } from './zip-guard';

/**
 * exceljs's streaming workbook reader (4.4.0) with the workarounds the importer needs: sheet names
 * for absolute rel targets, corrupt zips failing instead of hanging, characters split across zip
 * chunks, and temp files deleted as soon as the read is over.
 */

// Internals that the typings leave out.
interface SheetEntry {
	name: string;
	id: number;
	rId: string;
	state?: string;
}
interface Relationship {
	Id: string;
	Target: string;
}
interface ZipEntryStream {
	setEncoding(encoding: 'utf8'): unknown;
}
type EntryParser = (this: unknown, entry: ZipEntryStream) => unknown;
type PartParser = '_parseRels' | '_parseWorkbook' | '_parseSharedStrings' | '_parseStyles';
type ReaderInternals = { [K in PartParser]?: EntryParser } & {
	model?: { sheets?: SheetEntry[] };
	workbookRels?: Relationship[];
	properties?: { model?: { date1904?: boolean } };
	on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): unknown;
};
interface WorksheetInternals {
	name: string;
	iterator: AsyncIterable<Buffer | string>;
}
export type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/**
 * exceljs decodes every zip chunk on its own, so a multi-byte character split across chunks turns
 * into U+FFFD (one in a few thousand Chinese cells). Handing it text instead of bytes avoids that:
 * part entries get a stream decoder, sheet data is decoded here.
 */
function decodePartsAsText(reader: ReaderInternals): void {
	for (const key of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const) {
		const original = reader[key];
		if (typeof original !== 'function') continue;
		reader[key] = function (this: unknown, entry: ZipEntryStream) {
			entry.setEncoding('utf8');
			return original.call(this, entry);
		};
	}
}

async function* utf8Text(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of source)
		yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** exceljs only reads parts named worksheets/sheetN.xml; some writers use absolute rel targets. */
const relTarget = (target: string) => target.replace(/^\/?(xl\/)?/, '');
const isReadableWorksheet = (target: string) => /^worksheets\/sheet\d+\.xml$/.test(relTarget(target));

function workbookSheets(reader: ReaderInternals): SheetEntry[] | undefined {
	const { model, workbookRels } = reader;
	if (!model?.sheets || !workbookRels) return undefined;
	return model.sheets.filter((sheet) => {
		const rel = workbookRels.find((r) => r.Id === sheet.rId);
		return rel !== undefined && isReadableWorksheet(rel.Target);
	});
}

/** exceljs names a sheet only if its rel target is relative; resolve it ourselves from the part number. */
function sheetName(reader: ReaderInternals, sheetNo: string | undefined, fallback: string): string {
	if (sheetNo === undefined) return fallback;
	const rel = reader.workbookRels?.find((r) => relTarget(r.Target) === `worksheets/sheet${sheetNo}.xml`);
	return (rel && reader.model?.sheets?.find((s) => s.rId === rel.Id)?.name) ?? fallback;
}

function readError(error: unknown): unknown {
	if (error instanceof ImportError) return error;
	// Operating-system failures (disk full, permissions) are not the file's fault; pass them on.
	if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return error;
	const why = error instanceof Error ? error.message : String(error);
	return new ImportError('unreadable', 'ingest.xlsxUnreadable', { why }, { cause: why });
}

/**
 * unzipper reports a corrupt entry (bad deflate data, bad signature) only as an 'error' event on its
 * parser, which exceljs does not turn into a rejection: the read just never settles. So the pending
 * read is failed from the errors of the input stream and of whatever it is piped into (the parser).
 * (Not Promise.race against one long-lived promise: that keeps a reaction per row alive.)
 */
export class ReadGuard {
	broken = false;
	private error: unknown;
	private rejectPending: ((error: unknown) => void) | undefined;

	/** Opens the file for the zip parser, metering what it inflates (see InflateMeter). */
	open(path: string): fs.ReadStream {
		const input = fs.createReadStream(path);
		const watch = (emitter: NodeJS.EventEmitter) => emitter.on('error', (error: unknown) => this.fail(error));
		watch(input);
		const meter = new InflateMeter(
			() => input.bytesRead,
			(error) => {
				this.fail(error);
				input.destroy();
			}
		);
		const pipe = input.pipe.bind(input);
		input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
			watch(destination);
			meter.attach(destination as unknown as Parameters<InflateMeter['attach']>[0]);
			return pipe(destination, options);
		};
		return input;
	}

	private fail(error: unknown): void {
		if (this.broken) return;
		this.broken = true;
		this.error = error;
		this.rejectPending?.(readError(error));
	}

	/** One read at a time: the reader is consumed sequentially. */
	read<T>(promise: Promise<T>): Promise<T> {
		if (this.broken) return Promise.reject(readError(this.error));
		return new Promise<T>((resolve, reject) => {
			this.rejectPending = reject;
			promise.then(
				(value) => {
					this.rejectPending = undefined;
					resolve(value);
				},
				(error: unknown) => {
					this.rejectPending = undefined;
					reject(readError(error));
				}
			);
		});
	}
}

/** Closes a stream we will not read; it may still be opening a temp file exceljs is about to delete. */
function discard(stream: fs.ReadStream): void {
	stream.on('error', () => {});
	stream.destroy();
}

/** The worksheets of an .xlsx one after another, each read through `guard`; `close()` when done. */
export class WorkbookStream {
	readonly guard = new ReadGuard();
	private readonly input: fs.ReadStream;
	private readonly internals: ReaderInternals;
	private readonly worksheets: AsyncGenerator<WorksheetReader>;
	/** The part number of the sheet being emitted, announced just before its reader is yielded. */
	private sheetNo: string | undefined;
	private readonly seen: string[] = [];
	/**
	 * A sheet stored before the shared strings in the zip (Excel and exceljs both do this) is spooled
	 * to a temp file first, which exceljs deletes only when asked for the next sheet.
	 */
	private tempFile: fs.ReadStream | undefined;

	constructor(path: string) {
		this.input = this.guard.open(path);
		const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.input, {
			worksheets: 'emit',
			sharedStrings: 'cache',
			hyperlinks: 'ignore',
			styles: 'cache', // needed for date number formats, without which dates come back as serial numbers
			entries: 'emit'
		});
		this.internals = reader as unknown as ReaderInternals;
		decodePartsAsText(this.internals);
		// A zip that stores workbook.xml after streamed sheets would crash exceljs on `model.sheets` and
		// `properties.model`; with these stand-ins such sheets are read unnamed, in the 1900 date system.
		this.internals.model ??= { sheets: [] };
		this.internals.properties ??= { model: {} };
		this.internals.on('entry', (entry) => {
			if (entry.type === 'worksheet') this.sheetNo = entry.id;
		});
		this.worksheets = reader[Symbol.asyncIterator]();
	}

	/** The next worksheet and its name, or undefined after the last. */
	async next(): Promise<{ worksheet: WorksheetReader; name: string } | undefined> {
		const next = await this.guard.read(this.worksheets.next());
		if (next.done) return undefined;
		const worksheet = next.value;
		const raw = worksheet as unknown as WorksheetInternals;
		this.tempFile = raw.iterator instanceof fs.ReadStream ? raw.iterator : undefined;
		const name = sheetName(this.internals, this.sheetNo, raw.name);
		this.seen.push(name);
		return { worksheet, name };
	}

	/** The first visible worksheet, as far as the workbook's sheet list is known yet. */
	defaultSheet(): string | undefined {
		const sheets = workbookSheets(this.internals);
		return (sheets?.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets?.[0])?.name;
	}

	/** Passes over the worksheet `next()` returned. */
	skip(): void {
		if (this.tempFile) discard(this.tempFile);
	}

	/** Takes the worksheet `next()` returned to be read: its rows are then decoded here. */
	select(worksheet: WorksheetReader): void {
		const raw = worksheet as unknown as WorksheetInternals;
		raw.iterator = utf8Text(raw.iterator);
	}

	get date1904(): boolean {
		return this.internals.properties?.model?.date1904 === true;
	}

	/** Worksheet names in workbook order, as far as the reader has revealed them. */
	sheetList(): string[] {
		return [...new Set([...(workbookSheets(this.internals)?.map((s) => s.name) ?? []), ...this.seen])];
	}

	async close(): Promise<void> {
		if (!this.guard.broken) await this.release();
		if (this.tempFile) discard(this.tempFile);
		discard(this.input);
	}

	private async release(): Promise<void> {
		try {
			if (this.tempFile) {
				discard(this.tempFile);
				// Walk through the remaining spooled sheets so exceljs deletes every temp file now, not at exit.
				for (let next = await this.worksheets.next(); !next.done; next = await this.worksheets.next()) {
					const iterator = (next.value as unknown as WorksheetInternals).iterator;
					if (iterator instanceof fs.ReadStream) discard(iterator);
				}
			} else {
				await this.worksheets.return(undefined);
			}
		} catch {
			// Cleanup only; the conversion's own outcome has already been decided.
		}
	}
}
