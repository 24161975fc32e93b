import { describe, expect, it } from 'vitest';
import { headerScore, missingRequired, normaliseHeader, suggestMapping } from './header-mapping';

describe('header mapping', () => {
	it('maps Chinese and English synonyms ignoring case, width, spacing and units', () => {
		expect(normaliseHeader(' 配件费（元） ')).toBe('配件费');
		expect(normaliseHeader('Received_At')).toBe('received at');
		expect(suggestMapping('repair', ['服务单号', '受理时间', '机型', '材料费(元)', '备注'])).toEqual({
			服务单号: 'repair_id',
			受理时间: 'received_at',
			机型: 'product_model',
			'材料费(元)': 'parts_cost'
		});
	});
	it('lets explicit entries win and uses each field once', () => {
		const mapping = suggestMapping('complaint', ['编号', '投诉编号', '时间'], {
			编号: 'complaint_id',
			时间: 'received_at'
		});
		expect(mapping).toEqual({ 编号: 'complaint_id', 时间: 'received_at' });
	});
	it('uses no synonyms when asked (profiles are complete)', () => {
		expect(suggestMapping('repair', ['维修单号', 'x'], { x: 'received_at' }, false)).toEqual({
			x: 'received_at'
		});
	});
	it('scores header rows and lists missing required fields', () => {
		expect(headerScore('repair', ['某某公司导出', '', ''])).toBe(0);
		expect(headerScore('repair', ['维修单号', '报修时间', '产品型号'])).toBe(3);
		expect(missingRequired('sales', { 月份: 'period' })).toEqual(['product_model', 'units']);
	});
});
