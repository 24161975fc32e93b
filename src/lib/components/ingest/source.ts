import type { Kind } from '$lib/domain/records';
import type { FilePreview, ProfileOption } from '$lib/domain/ingest/api';
import { decodeHead, parseHead, previewRows, type HeadPreview } from './local-preview';

/** The file chosen on the import page: the head of a text file, or the server's preview of an XLSX. */
export type ImportSource =
	| { type: 'text'; head: Uint8Array; truncated: boolean; detected: string; delimiter?: string }
	| { type: 'xlsx'; preview: FilePreview };
export type SourceHead = HeadPreview & { headerLine: number; delimiter: string | null };

/**
 * Header and first rows of the source: text is decoded and parsed here, XLSX as the server read it.
 * `encoding` '' falls back to the profile's, then to the detected one.
 */
export function sourceHead(
	source: ImportSource,
	kind: Kind,
	encoding: string,
	profile: ProfileOption | null
): SourceHead {
	if (source.type === 'xlsx') {
		const p = source.preview;
		return {
			headerIndex: p.headerLine - 1,
			headerLine: p.headerLine,
			headers: p.headers,
			rows: p.rows,
			delimiter: null
		};
	}
	const { text } = decodeHead(source.head, encoding || profile?.encoding || undefined);
	const parsed = parseHead(text, { truncated: source.truncated, delimiter: source.delimiter });
	const preview = previewRows(kind, parsed.rows, profile?.columns);
	return { ...preview, headerLine: preview.headerIndex + 1, delimiter: parsed.delimiter };
}
