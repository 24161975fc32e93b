import { describe, expect, it } from 'vitest';
import { KIND_DEFS, KINDS } from '$lib/domain/records';
import { REJECT_REASONS } from '$lib/domain/ingest/api';
import { en } from './en';
import { bilingual, fieldLabel, fieldLabelBoth, rejectReason, resolveLocale, translate } from './index';
import { zhCN, type MessageKey } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
	it('have the same keys, no empty messages and the same placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
		for (const key of Object.keys(zhCN) as MessageKey[]) {
			expect(zhCN[key].trim(), key).not.toBe('');
			expect(en[key].trim(), key).not.toBe('');
			expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
		}
	});

	it('name every reject reason in both languages', () => {
		for (const code of REJECT_REASONS) {
			expect(rejectReason('zh-CN', code)).not.toBe(code);
			expect(rejectReason('en', code)).not.toBe(code);
		}
		expect(rejectReason('zh-CN', 'required_missing')).toBe('必填字段缺失');
		expect(rejectReason('en', 'required_missing')).toBe('required field missing');
		expect(rejectReason('en', 'something_new')).toBe('something_new');
	});
});

describe('translate', () => {
	it('interpolates parameters', () => {
		expect(translate('zh-CN', 'batch.title', { id: 7 })).toBe('导入批次 #7');
		expect(translate('en', 'batch.title', { id: 7 })).toBe('Import batch #7');
	});

	it('gives both languages for bilingual headers', () => {
		expect(bilingual('rej.line')).toBe('行号 Line');
	});

	it('resolves locale cookies', () => {
		expect(resolveLocale('en')).toBe('en');
		expect(resolveLocale('en-US')).toBe('en');
		expect(resolveLocale('zh-CN')).toBe('zh-CN');
		expect(resolveLocale(undefined)).toBe('zh-CN');
		expect(resolveLocale('fr')).toBe('zh-CN');
	});
});

describe('field labels come from the record kinds', () => {
	it('label every field of every kind', () => {
		for (const kind of KINDS) {
			for (const field of KIND_DEFS[kind].fields) {
				expect(fieldLabel('zh-CN', kind, field.name)).toBe(field.zh);
				expect(fieldLabel('en', kind, field.name)).toBe(field.en);
			}
		}
		expect(fieldLabelBoth('zh-CN', 'repair', 'received_at')).toBe('报修时间 Received');
		expect(fieldLabelBoth('en', 'repair', 'received_at')).toBe('Received');
	});
});
