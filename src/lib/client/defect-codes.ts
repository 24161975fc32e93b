import type { DefectCode, DefectCodeInput, DictionaryImportResult } from '$lib/domain/defect-codes';
import { jsonBody, request, requestJson, upload } from './api';

/** Calls of the defect code dictionary page. */

const BASE = '/api/defect-codes';
const one = (code: string) => `${BASE}/${encodeURIComponent(code)}`;

export const createDefectCode = (entry: DefectCodeInput) =>
	requestJson<DefectCode>(BASE, jsonBody('POST', entry));

export const updateDefectCode = (entry: DefectCodeInput) =>
	requestJson<DefectCode>(
		one(entry.code),
		jsonBody('PUT', { name_zh: entry.name_zh, name_en: entry.name_en })
	);

export const deleteDefectCode = async (code: string) => void (await request(one(code), { method: 'DELETE' }));

export const importDefectCodes = (file: File, networkMessage: string) =>
	upload<DictionaryImportResult>(
		`${BASE}/import?name=${encodeURIComponent(file.name)}`,
		file,
		() => {},
		networkMessage
	);
