import type { ingestZh } from './ingest.zh-CN';

/** English ingest messages; the type makes a missing key a compile error. */
export const ingestEn: Record<keyof typeof ingestZh, string> = {
	'ingest.unreadableFile': 'cannot read the file ({reason})',
	'ingest.emptyFile': 'the file is empty',
	'ingest.noRows': 'no rows found',
	'ingest.unknownEncoding': 'Unknown encoding "{name}"',
	'ingest.unknownFields': 'unknown field(s) {unknown} for {kind}; fields are: {fields}',
	'ingest.missingRequired':
		'required field(s) {missing} not found for a {kind} import. Headers found: {headers}. Map them with --map "HEADER=field" or a profile.',
	'ingest.unknownProfile': 'Unknown mapping profile "{name}"',
	'ingest.profileKind': 'Mapping profile "{name}" is for {profileKind} files, not {kind}',
	'ingest.filterColumn': 'Profile filter names a column "{header}" that the file does not have',
	'ingest.inconsistentCsv':
		"the CSV structure could not be read consistently (quoting or line breaks); {staged} rows were read where {good} were expected. Check the file's quoting.",
	'ingest.xlsxUnreadable': 'Cannot read the XLSX file: {why}',
	'ingest.xlsxEncrypted':
		'Not a readable XLSX file (encrypted workbook or legacy .xls; save it as .xlsx without a password)',
	'ingest.zipNoDirectory': 'Not a readable XLSX file (no zip directory found)',
	'ingest.zipCorrupt': 'Not a readable XLSX file (corrupt zip directory)',
	'ingest.zip64': 'XLSX file too large (zip64 archive)',
	'ingest.zipTooManyParts': 'XLSX file has too many parts',
	'ingest.zipBomb': 'XLSX part {entry} expands {ratio}:1, refused as a possible zip bomb',
	'ingest.zipTooLarge': 'XLSX file expands to {total} bytes, over the {limit} byte limit',
	'ingest.sheetNoHeader': 'Sheet "{sheet}" has no header row',
	'ingest.sheetWideRow':
		'Sheet "{sheet}" row {row} has a value in column {column}, right of the header\'s last column {last}',
	'ingest.sheetRowNumber': 'Sheet "{sheet}" has a row without a row number',
	'ingest.sheetEmpty': 'Sheet "{sheet}" is empty',
	'ingest.noWorksheet': 'The workbook has no worksheet',
	'ingest.sheetBeforeList':
		'Sheet "{sheet}" is stored before the workbook\'s sheet list and cannot be picked by name; re-save the file in Excel',
	'ingest.sheetNotFound': 'Sheet "{sheet}" not found; the workbook has: {sheets}'
};
