/**
 * Record splitting that follows DuckDB's read_csv quoting (a quote opens a quoted field only at the
 * start of a field; "" inside one is a literal quote), so that the n-th row DuckDB stages is the n-th
 * good record found here and rejected rows can be given their real line numbers and raw text.
 */

export interface HeadRecord {
	cells: string[];
	/** 1-based physical line where the record starts and ends (they differ for quoted newlines). */
	startLine: number;
	endLine: number;
}

/** Parses the first records of decoded text (the sniffed head) into cells. */
export function parseHeadRecords(text: string, delimiter: string, max: number): HeadRecord[] {
	const records: HeadRecord[] = [];
	let cells: string[] = [];
	let cell = '';
	let inQuotes = false;
	let fieldStart = true;
	let line = 1;
	let startLine = 1;
	let i = 0;
	const endRecord = () => {
		cells.push(cell);
		records.push({ cells, startLine, endLine: line });
		cells = [];
		cell = '';
		fieldStart = true;
	};
	while (i < text.length && records.length < max) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else inQuotes = false;
			} else {
				if (ch === '\n') line++;
				cell += ch;
			}
		} else if (ch === '"' && fieldStart) {
			inQuotes = true;
			fieldStart = false;
		} else if (ch === delimiter) {
			cells.push(cell);
			cell = '';
			fieldStart = true;
		} else if (ch === '\n') {
			endRecord();
			line++;
			startLine = line;
		} else if (ch !== '\r') {
			cell += ch;
			fieldStart = false;
		}
		i++;
	}
	if (records.length < max && (cell !== '' || cells.length > 0)) endRecord();
	return records;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Why DuckDB refuses a record on its own (the rest of the file still reads). */
export type BadReason = 'column_count' | 'invalid_encoding' | 'record_too_long';

export interface BadRecord {
	line: number;
	offset: number;
	length: number;
	fields: number;
	reason: BadReason;
}

/**
 * What makes DuckDB lose its place in the file, so no row after it can be trusted: a quoted value
 * not closed where a field ends (it swallows the lines after it), a lone CR inside a file whose
 * lines end in LF, or lines ending in CR LF and in LF alone (sniffing reads such a file from an
 * LF copy when its head shows both). `line` is where the quote opened, or the line concerned.
 */
export interface BrokenStructure {
	problem: 'unclosed_quote' | 'stray_cr' | 'mixed_line_ends';
	line: number;
}

/**
 * Streams UTF-8 bytes and classifies every record after the first `skipLines` physical lines:
 * empty lines are skipped (as DuckDB does), whitespace-only lines are blank, records with the wrong
 * field count, invalid UTF-8 or over `maxRecordBytes` are bad, the rest are good and their start
 * lines are kept in order. The first structural break is kept in `broken`.
 */
export class RecordScanner {
	private goodLines = new Uint32Array(1 << 16);
	good = 0;
	blank = 0;
	readonly bad: BadRecord[] = [];
	broken: BrokenStructure | null = null;

	private quoteLine = 0;
	private afterCr = false;
	/** How the first scanned line ended: 0 not yet, 1 LF, 2 CR LF. */
	private lineEnd = 0;
	/** Continuation bytes the current UTF-8 character still needs. */
	private need = 0;
	private invalidUtf8 = false;

	private line = 1;
	private offset = 0;
	private inQuotes = false;
	private pendingQuote = false;
	private fieldStart = true;
	private fields = 1;
	private recordBytes = 0;
	private onlySpace = true;
	private recordLine = 1;
	private recordOffset = 0;

	constructor(
		private readonly delimiter: number,
		private readonly expectedFields: number,
		private readonly skipLines: number,
		private readonly maxRecordBytes = Number.POSITIVE_INFINITY
	) {}

	private breaks(problem: BrokenStructure['problem'], line: number): void {
		this.broken ??= { problem, line };
	}

	private utf8(b: number): void {
		if (this.need > 0) {
			if ((b & 0xc0) === 0x80) {
				this.need--;
				return;
			}
			this.invalidUtf8 = true;
			this.need = 0;
		}
		if (b < 0x80) return;
		if (b >= 0xc2 && b <= 0xdf) this.need = 1;
		else if ((b & 0xf0) === 0xe0) this.need = 2;
		else if (b >= 0xf0 && b <= 0xf4) this.need = 3;
		else this.invalidUtf8 = true;
	}

	push(chunk: Uint8Array): void {
		const delimiter = this.delimiter;
		for (let i = 0; i < chunk.length; i++) {
			const b = chunk[i];
			if (this.line <= this.skipLines) {
				if (b === LF) {
					this.line++;
					this.recordLine = this.line;
					this.recordOffset = this.offset + i + 1;
				}
				continue;
			}
			this.utf8(b);
			const crlf = this.afterCr && b === LF;
			if (this.afterCr) {
				this.afterCr = false;
				if (b !== LF) this.breaks('stray_cr', this.line);
			}
			if (this.pendingQuote) {
				this.pendingQuote = false;
				if (b === QUOTE) {
					this.recordBytes++;
					continue; // "" is a literal quote; still inside the quoted field
				}
				this.inQuotes = false;
				// DuckDB's strict mode ends a quoted value only at a delimiter or a line end.
				if (b !== delimiter && b !== LF && b !== CR) this.breaks('unclosed_quote', this.quoteLine);
			}
			if (this.inQuotes) {
				if (b === QUOTE) this.pendingQuote = true;
				else if (b === LF) this.line++;
				this.recordBytes++;
				continue;
			}
			if (b === LF) {
				const style = crlf ? 2 : 1;
				if (this.lineEnd !== 0 && this.lineEnd !== style) this.breaks('mixed_line_ends', this.line);
				this.lineEnd = style;
				this.endRecord(this.offset + i);
				this.line++;
				this.recordLine = this.line;
				this.recordOffset = this.offset + i + 1;
				continue;
			}
			if (b !== CR)
				this.recordBytes++; // a lone CR before LF does not make a line non-empty
			else this.afterCr = true;
			if (b === delimiter) {
				this.fields++;
				this.fieldStart = true;
				if (b !== TAB && b !== SPACE) this.onlySpace = false;
			} else if (b === QUOTE && this.fieldStart) {
				this.inQuotes = true;
				this.quoteLine = this.line;
				this.fieldStart = false;
				this.onlySpace = false;
			} else {
				this.fieldStart = false;
				if (b !== SPACE && b !== TAB && b !== CR) this.onlySpace = false;
			}
		}
		this.offset += chunk.length;
	}

	end(): void {
		if (this.inQuotes && !this.pendingQuote) this.breaks('unclosed_quote', this.quoteLine);
		if (this.recordBytes > 0) this.endRecord(this.offset);
	}

	/** Start line of the n-th good record (0-based), i.e. of DuckDB's n-th staged row. */
	goodLine(n: number): number {
		return this.goodLines[n];
	}

	private endRecord(endOffset: number): void {
		const bytes = this.recordBytes;
		const fields = this.fields;
		const onlySpace = this.onlySpace;
		const invalidUtf8 = this.invalidUtf8 || this.need > 0;
		this.invalidUtf8 = false;
		this.need = 0;
		this.recordBytes = 0;
		this.fields = 1;
		this.fieldStart = true;
		this.onlySpace = true;
		this.inQuotes = false;
		this.pendingQuote = false;
		if (bytes === 0) return; // an empty line ("\n" or "\r\n"), which DuckDB skips too
		const length = endOffset - this.recordOffset;
		let reason: BadReason | null = null;
		if (length > this.maxRecordBytes) reason = 'record_too_long';
		else if (invalidUtf8) reason = 'invalid_encoding';
		else if (fields !== this.expectedFields) reason = onlySpace ? null : 'column_count';
		if (reason === null && fields !== this.expectedFields) {
			this.blank++;
			return;
		}
		if (reason) {
			this.bad.push({ line: this.recordLine, offset: this.recordOffset, length, fields, reason });
			return;
		}
		if (this.good === this.goodLines.length) {
			const grown = new Uint32Array(this.goodLines.length * 2);
			grown.set(this.goodLines);
			this.goodLines = grown;
		}
		this.goodLines[this.good++] = this.recordLine;
	}
}
