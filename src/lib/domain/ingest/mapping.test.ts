import { describe, expect, it } from 'vitest';
import { effectiveMapping, mappingForServer, mappingProblems, withOverride } from './mapping';

const headers = ['维修单号', '报修时间', '机型', '型号', '备注'];

describe('effectiveMapping', () => {
	it('names every header, using synonyms without a profile', () => {
		expect(effectiveMapping('repair', headers, null)).toEqual({
			维修单号: 'repair_id',
			报修时间: 'received_at',
			机型: 'product_model',
			型号: '',
			备注: ''
		});
	});

	it('uses only the profile when there is one, and the user over it', () => {
		const profile = { 维修单号: 'repair_id', 报修时间: 'received_at', 型号: 'product_model' };
		const m = effectiveMapping('repair', headers, profile);
		expect(m.型号).toBe('product_model');
		expect(m.机型).toBe('');
		const overridden = effectiveMapping('repair', headers, profile, { 机型: 'product_model' });
		expect(overridden.机型).toBe('product_model');
		expect(overridden.型号).toBe('');
	});

	it('keeps an ignored header out of the synonyms', () => {
		expect(effectiveMapping('repair', headers, null, { 机型: '' }).机型).toBe('');
	});
});

describe('mappingForServer', () => {
	it('sends mapped headers, and an ignore only where the importer would map by itself', () => {
		const overrides = { 机型: '', 备注: '' };
		const m = effectiveMapping('repair', headers, null, overrides);
		expect(mappingForServer('repair', m, overrides, null)).toEqual({
			维修单号: 'repair_id',
			报修时间: 'received_at',
			机型: '',
			型号: 'product_model'
		});
	});
});

describe('withOverride and problems', () => {
	it('moves a field from one header to another', () => {
		const mapping = effectiveMapping('repair', headers, null);
		const overrides = withOverride({}, mapping, '型号', 'product_model');
		expect(overrides).toEqual({ 型号: 'product_model', 机型: '' });
		const next = effectiveMapping('repair', headers, null, overrides);
		expect(mappingProblems('repair', next)).toEqual({ missing: [], duplicates: [] });
	});

	it('reports required fields not mapped', () => {
		const m = effectiveMapping('repair', headers, null, { 报修时间: '' });
		expect(mappingProblems('repair', m).missing).toEqual(['received_at']);
	});
});
