import type { dictionaryZh } from './dictionary.zh-CN';

/** English dictionary and card state messages; the type makes a missing key a compile error. */
export const dictionaryEn: Record<keyof typeof dictionaryZh, string> = {
	'dict.title': 'Defect code dictionary',
	'dict.subtitle':
		'A Chinese (and English) name for each defect code. Every chart and report shows "code name". Importing repair orders learns a name from the symptom for codes the dictionary lacks; names typed here are never overwritten.',
	'dict.search': 'Search codes or names',
	'dict.code': 'Defect code',
	'dict.nameZh': 'Chinese name',
	'dict.nameEn': 'English name',
	'dict.source': 'Source',
	'dict.source.manual': 'manual',
	'dict.source.import': 'imported',
	'dict.source.learned': 'learned',
	'dict.updated': 'Updated',
	'dict.updatedBy': 'By',
	'dict.add': 'Add',
	'dict.edit': 'Edit',
	'dict.save': 'Save',
	'dict.cancel': 'Cancel',
	'dict.delete': 'Delete',
	'dict.confirmDelete': 'Delete defect code {code} ({name})? Charts will show the bare code.',
	'dict.empty': 'The dictionary is empty. Add codes one by one, or import a sheet.',
	'dict.noMatch': 'No code matches "{search}".',
	'dict.count': '{count} codes',
	'dict.import': 'Import a sheet',
	'dict.importHint':
		'CSV or XLSX: defect code in the first column, its name in the second, optionally the English name in a third; headers such as "故障代码 / 故障名称 / 英文名称" or "code / name / english name". One bad row refuses the whole file.',
	'dict.imported': 'Imported {file}: {added} added, {changed} changed, {unchanged} unchanged',
	'dict.exists': 'Defect code {code} exists already',
	'dict.notFound': 'Defect code {code} not found',
	'dict.noNameColumn': '{file}: a defect code column but no name column (such as "故障名称" or "name")',
	'dict.noRows': '{file}: no defect code rows',
	'dict.tooManyRows': '{file}: more than {max} rows; split it and import the parts',
	'dict.badRows':
		'{file} has {count} problems; nothing was imported. First: row {line}, column {column}: {reason}',
	'dict.reason.codeMissing': 'the defect code is empty',
	'dict.reason.nameMissing': 'the name is empty',
	'dict.reason.tooLong': 'too long',
	'dict.reason.repeated': 'the defect code appears twice in the file',
	'dict.cli.usage': `workbench defect-codes import FILE [--json]
workbench defect-codes list [--json]

  FILE            a CSV or XLSX sheet: code, name[, English name]`,
	'nav.defectCodes': 'Defect codes',

	'card.tableView': 'Table',
	'card.chartView': 'Chart',
	'card.loading': 'Loading new data…',
	'card.error': 'This metric could not be computed: {detail}',
	'card.missing': 'No {kinds} imported',
	'card.missingWindow': 'No {kinds} for this window',
	'card.ratesBlank': 'so the rates divided by them are blank.',
	'card.importKind': 'Import {kind}',
	'card.unit': 'Unit'
};
