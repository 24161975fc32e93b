import { describe, expect, it } from 'vitest';
import { sheetHeader } from '../../../../tests/helpers/assessment';
import { CatalogueError, catalogueFromRows } from './catalogue';

describe('catalogueFromRows (a certification body sheet)', () => {
	const rows = [
		['某认证机构 商品售后服务评分表 2025', '', '', ''],
		sheetHeader('编号', '名称'),
		['1', '售后服务体系', 'System', '', '', '', '', '', ''],
		['1.1', '组织', 'Organisation', '60分', '组织架构图', '', '', '', ''],
		['', '', '', '', '', '', '', '', ''],
		[
			'1.2',
			'投诉',
			'Complaints',
			'40',
			'投诉记录',
			'complaints.sla',
			'resolution_within_target_share',
			'0.9',
			'≥'
		]
	];

	it('finds the header under a title row, reads Chinese headers, infers parents from dotted ids', () => {
		const c = catalogueFromRows(rows, { id: 'cb-2025', title: '认证机构评分表' });
		expect(c.id).toBe('cb-2025');
		expect(c.items.map((i) => [i.id, i.parent, i.points])).toEqual([
			['1', undefined, undefined],
			['1.1', '1', 60],
			['1.2', '1', 40]
		]);
		expect(c.items[2].metric).toEqual({
			id: 'complaints.sla',
			params: { column: 'resolution_within_target_share' },
			threshold: 0.9,
			direction: 'min'
		});
	});

	it('takes an explicit parent column and JSON params', () => {
		const c = catalogueFromRows([
			[
				'id',
				'parent',
				'title_zh',
				'points',
				'metric_id',
				'metric_params',
				'metric_threshold',
				'metric_direction'
			],
			['A', '', '甲', '', '', '', '', ''],
			[
				'A1',
				'A',
				'甲一',
				'100',
				'repairs.repeat',
				'{"column":"repeat_rate_30d","weight":"repairs"}',
				'0.03',
				'max'
			]
		]);
		expect(c.items[1]).toMatchObject({
			parent: 'A',
			metric: { params: { weight: 'repairs' }, direction: 'max' }
		});
	});

	it('reports problems by row', () => {
		expect(() => catalogueFromRows([['a', 'b']])).toThrow(/no header row with "id" and "title_zh"/);
		let error: CatalogueError | undefined;
		try {
			catalogueFromRows([
				['id', 'title_zh', 'points', 'metric_id', 'metric_threshold', 'metric_direction'],
				['1', '甲', 'ten', '', '', ''],
				['', '乙', '5', '', '', ''],
				['2', '丙', '5', 'complaints.sla', 'high', 'up']
			]);
		} catch (e) {
			error = e as CatalogueError;
		}
		expect(error?.issues).toEqual([
			'row 3: id is empty',
			'row 2 (item 1): points "ten" is not a number',
			'row 4 (item 2): metric_threshold "high" is not a number',
			'row 4 (item 2): metric_direction must be min or max, got "up"',
			'row 4 (item 2): metric_params (the metric column to read) is empty'
		]);
	});

	it('validates the result like a JSON catalogue', () => {
		expect(() =>
			catalogueFromRows([
				['id', 'title_zh', 'points'],
				['1', '甲', '50']
			])
		).toThrow('invalid catalogue: check-item points sum to 50, not 100');
	});
});
