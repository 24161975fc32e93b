import { describe, expect, it } from 'vitest';
import { cellText, tableColumns } from './table-view';

describe('table view', () => {
	const rows = [
		{ key: 'E5', name_zh: '压缩机异响', name_en: null, count: 1200, share: 0.5, cum_share: 0.5 },
		{ key: null, name_zh: null, name_en: null, count: 3, share: 0.25, cum_share: 1 }
	];

	it('has a column per scalar field with its unit, names folded into the key', () => {
		expect(tableColumns(rows)).toEqual([
			{ key: 'key', label: 'key', kind: 'text' },
			{ key: 'count', label: 'count', kind: 'count' },
			{ key: 'share', label: 'share (%)', kind: 'share' },
			{ key: 'cum_share', label: 'cum_share (%)', kind: 'share' }
		]);
		const monthly = [{ month: '2025-01', rate_per_1000: 1.5, total: 10.5, rules: [1] }];
		expect(tableColumns(monthly).map((c) => c.label)).toEqual(['month', 'rate_per_1000 (‰)', 'total (¥)']);
	});

	it('formats numbers in their unit and names defect codes', () => {
		const [key, count, share] = tableColumns(rows);
		expect(cellText(rows[0], key, 'zh-CN')).toBe('E5 压缩机异响');
		expect(cellText(rows[0], count, 'en-GB')).toBe('1,200');
		expect(cellText(rows[0], share, 'en-GB')).toBe('50.0%');
		expect(cellText(rows[1], key, 'en-GB')).toBe('—');
	});
});
