import { open, type FileHandle } from 'node:fs/promises';
import { formatBytes } from '$lib/format';
import { ImportError } from './errors';

/**
 * Reads a zip's central directory (not its data) so an XLSX can be refused before anything is
 * inflated: a few KB of compressed XML can expand to gigabytes of temp files and cached strings.
 * The declared sizes are what we can check cheaply; a forged directory is caught while reading, by
 * the InflateMeter, which counts the bytes actually inflated.
 */

export interface ZipEntryInfo {
	name: string;
	compressedSize: number;
	uncompressedSize: number;
}

export interface ZipLimits {
	/** Refuse when the entries' uncompressed sizes add up to more than this. */
	maxTotalUncompressed: number;
	/** Refuse an entry larger than `ratioMinSize` that expands more than this many times. */
	maxRatio: number;
	ratioMinSize: number;
}

const ZIP_LIMITS: ZipLimits = {
	maxTotalUncompressed: 2 * 1024 ** 3,
	maxRatio: 200,
	ratioMinSize: 10 * 1024 * 1024
};

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const CD_SIGNATURE = 0x02014b50;
const CD_HEADER_SIZE = 46;
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const U32_MAX = 0xffffffff;
const ZIP64_EXTRA = 0x0001;
/** A directory this big means hundreds of thousands of entries, which no export has. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

function unreadable(
	path: string,
	key: 'ingest.xlsxEncrypted' | 'ingest.zipNoDirectory' | 'ingest.zipCorrupt'
): ImportError {
	return new ImportError('unreadable', key, {}, { file: path });
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
	const buffer = Buffer.alloc(length);
	const { bytesRead } = await handle.read(buffer, 0, length, position);
	return buffer.subarray(0, bytesRead);
}

/** Lists the entries of the zip at `path` from its central directory. */
export async function readZipDirectory(path: string): Promise<ZipEntryInfo[]> {
	const handle = await open(path, 'r');
	try {
		const { size } = await handle.stat();
		const head = await readAt(handle, 0, CFB_SIGNATURE.length);
		if (head.equals(CFB_SIGNATURE)) {
			// Password-protected .xlsx and legacy .xls are OLE compound files, not zips.
			throw unreadable(path, 'ingest.xlsxEncrypted');
		}
		// The EOCD record is the last thing in the file, followed only by a comment of at most 64 KiB.
		const tailLength = Math.min(size, EOCD_SIZE + 0xffff);
		const tailStart = size - tailLength;
		const tail = await readAt(handle, tailStart, tailLength);
		let eocd = -1;
		for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
			if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
				eocd = i;
				break;
			}
		}
		if (eocd < 0) throw unreadable(path, 'ingest.zipNoDirectory');
		const entryCount = tail.readUInt16LE(eocd + 10);
		const directorySize = tail.readUInt32LE(eocd + 12);
		const declaredOffset = tail.readUInt32LE(eocd + 16);
		if (entryCount === 0xffff || directorySize === U32_MAX || declaredOffset === U32_MAX) {
			// Only a zip64 archive (over 4 GiB or 65535 entries) needs these sentinels: far beyond any export.
			throw new ImportError('too_large', 'ingest.zip64', {}, { file: path });
		}
		if (directorySize > MAX_DIRECTORY_BYTES) {
			throw new ImportError('too_large', 'ingest.zipTooManyParts', {}, { file: path });
		}
		// Data prepended to the zip (self-extractors) shifts every offset; the directory still ends at the EOCD.
		if (entryCount === 0) return [];
		const directoryEnd = tailStart + eocd;
		const candidates = [declaredOffset, directoryEnd - directorySize];
		for (const offset of candidates) {
			if (offset < 0 || offset + directorySize > directoryEnd) continue;
			const directory = await readAt(handle, offset, directorySize);
			if (directory.length >= 4 && directory.readUInt32LE(0) === CD_SIGNATURE) {
				return parseDirectory(directory, entryCount, path);
			}
		}
		throw unreadable(path, 'ingest.zipCorrupt');
	} finally {
		await handle.close();
	}
}

function parseDirectory(directory: Buffer, entryCount: number, path: string): ZipEntryInfo[] {
	const entries: ZipEntryInfo[] = [];
	let p = 0;
	for (let n = 0; n < entryCount; n++) {
		if (p + CD_HEADER_SIZE > directory.length || directory.readUInt32LE(p) !== CD_SIGNATURE) {
			throw unreadable(path, 'ingest.zipCorrupt');
		}
		let compressedSize = directory.readUInt32LE(p + 20);
		let uncompressedSize = directory.readUInt32LE(p + 24);
		const nameLength = directory.readUInt16LE(p + 28);
		const extraLength = directory.readUInt16LE(p + 30);
		const commentLength = directory.readUInt16LE(p + 32);
		const nameStart = p + CD_HEADER_SIZE;
		const extraStart = nameStart + nameLength;
		const next = extraStart + extraLength + commentLength;
		if (next > directory.length) throw unreadable(path, 'ingest.zipCorrupt');
		const name = directory.toString('utf8', nameStart, extraStart);
		if (uncompressedSize === U32_MAX || compressedSize === U32_MAX) {
			// Some writers always use zip64 sizes; the real values sit in the zip64 extra field, in this order.
			const sizes = zip64Sizes(directory.subarray(extraStart, extraStart + extraLength));
			if (uncompressedSize === U32_MAX) uncompressedSize = sizes.shift() ?? Number.POSITIVE_INFINITY;
			if (compressedSize === U32_MAX) compressedSize = sizes.shift() ?? Number.POSITIVE_INFINITY;
		}
		entries.push({ name, compressedSize, uncompressedSize });
		p = next;
	}
	return entries;
}

function zip64Sizes(extra: Buffer): number[] {
	for (let p = 0; p + 4 <= extra.length;) {
		const id = extra.readUInt16LE(p);
		const length = extra.readUInt16LE(p + 2);
		if (id === ZIP64_EXTRA) {
			const sizes: number[] = [];
			for (let q = p + 4; q + 8 <= Math.min(p + 4 + length, extra.length) && sizes.length < 2; q += 8) {
				sizes.push(Number(extra.readBigUInt64LE(q)));
			}
			return sizes;
		}
		p += 4 + length;
	}
	return [];
}

/** Throws ImportError 'too_large' for a likely zip bomb, 'unreadable' for a file that is not a zip. */
export async function assertZipSafe(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntryInfo[]> {
	const entries = await readZipDirectory(path);
	let total = 0;
	for (const entry of entries) {
		total += entry.uncompressedSize;
		const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
		if (entry.uncompressedSize > limits.ratioMinSize && ratio > limits.maxRatio) {
			throw new ImportError(
				'too_large',
				'ingest.zipBomb',
				{ entry: entry.name, ratio: Math.round(ratio) },
				{ file: path, entry: entry.name, ratio }
			);
		}
	}
	if (total > limits.maxTotalUncompressed) {
		throw new ImportError(
			'too_large',
			'ingest.zipTooLarge',
			{ total, limit: limits.maxTotalUncompressed },
			{ file: path, uncompressedBytes: total, limit: limits.maxTotalUncompressed }
		);
	}
	return entries;
}

export interface InflateLimits {
	/** Stop once this many bytes have been inflated in all. */
	maxTotal: number;
	/** Stop once more than `ratioMinSize` bytes are inflated and that is this many times the bytes read. */
	maxRatio: number;
	ratioMinSize: number;
}

/** Real workbooks inflate 5 to 30 times; a bomb a thousand times. */
export const INFLATE_LIMITS: InflateLimits = {
	maxTotal: 2 * 1024 ** 3,
	maxRatio: 100,
	ratioMinSize: 16 * 1024 * 1024
};

interface Pushable {
	push(chunk: unknown, encoding?: BufferEncoding): boolean;
}
interface Writable {
	write(chunk: { length: number }, ...rest: unknown[]): boolean;
}

/**
 * Counts the bytes the zip parser (unzipper's Parse, under exceljs) writes into its entry streams,
 * whatever the directory declared, and calls `fail` once when the limits are crossed.
 */
export class InflateMeter {
	private inflated = 0;
	private failed = false;

	constructor(
		private readonly compressedRead: () => number,
		private readonly fail: (error: ImportError) => void,
		private readonly limits: InflateLimits = INFLATE_LIMITS
	) {}

	/** Meters every entry stream the parser pushes (it pushes each before inflating into it). */
	attach(parser: Pushable): void {
		const push = parser.push.bind(parser);
		parser.push = (chunk, encoding) => {
			if (chunk !== null && typeof (chunk as Partial<Writable>).write === 'function') {
				this.meter(chunk as Writable);
			}
			return push(chunk, encoding);
		};
	}

	private meter(entry: Writable): void {
		const write = entry.write.bind(entry);
		entry.write = (chunk, ...rest) => {
			this.count(chunk.length);
			return write(chunk, ...rest);
		};
	}

	private count(bytes: number): void {
		this.inflated += bytes;
		if (this.failed) return;
		const { maxTotal, maxRatio, ratioMinSize } = this.limits;
		if (this.inflated > maxTotal) {
			this.failed = true;
			const limit = formatBytes(maxTotal);
			this.fail(new ImportError('too_large', 'ingest.inflateTooLarge', { limit }, { limit: maxTotal }));
		} else if (
			this.inflated > ratioMinSize &&
			this.inflated > maxRatio * Math.max(1, this.compressedRead())
		) {
			this.failed = true;
			this.fail(
				new ImportError('too_large', 'ingest.inflateRatio', { ratio: maxRatio }, { ratio: maxRatio })
			);
		}
	}
}
