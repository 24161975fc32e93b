import { describe, expect, it } from 'vitest';
import shipped from '../../../../data/standards/gbt27922-2011.json';
import {
	CatalogueError,
	children,
	depthOf,
	firstLevel,
	leaves,
	leavesUnder,
	pointsOf,
	validateCatalogue
} from './catalogue';

const SECOND_LEVEL: Record<string, string[]> = {
	售后服务体系: ['组织架构', '人员配置', '资源配置', '规范要求', '监督', '改进', '服务文化'],
	商品服务: ['商品信息', '技术支持', '配送', '维修', '质量保证', '废弃商品回收'],
	顾客服务: ['顾客关系', '投诉处理']
};

/** A small valid catalogue to break one rule at a time. */
const base = () => ({
	id: 't',
	title: 'test',
	edition: '1',
	items: [
		{ id: '1', title_zh: '一', title_en: 'one', guidance: '' },
		{ id: '1.1', parent: '1', title_zh: '一一', title_en: 'a', points: 60, guidance: 'g' },
		{ id: '1.2', parent: '1', title_zh: '一二', title_en: 'b', points: 40, guidance: 'g' }
	] as Record<string, unknown>[]
});

function issues(json: unknown): string[] {
	try {
		validateCatalogue(json);
	} catch (error) {
		expect(error).toBeInstanceOf(CatalogueError);
		return (error as CatalogueError).issues;
	}
	throw new Error('expected a CatalogueError');
}

describe('the shipped GB/T 27922 catalogue', () => {
	const catalogue = validateCatalogue(shipped);

	it('validates, sums to 100 and gives 40 / 35 / 25 to the first-level indicators', () => {
		expect(leaves(catalogue).reduce((s, l) => s + (l.points ?? 0), 0)).toBeCloseTo(100, 9);
		expect(firstLevel(catalogue).map((i) => [i.title_zh, pointsOf(catalogue, i.id)])).toEqual([
			['售后服务体系', 40],
			['商品服务', 35],
			['顾客服务', 25]
		]);
		expect(catalogue.title).toMatch(/可编辑/);
		expect(catalogue.edition).toMatch(/editable/);
	});

	it('has the 15 second-level indicators under the right first-level ones, each with check items', () => {
		for (const top of firstLevel(catalogue)) {
			const second = children(catalogue, top.id);
			expect(second.map((i) => i.title_zh)).toEqual(SECOND_LEVEL[top.title_zh]);
			for (const s of second) expect(children(catalogue, s.id).length).toBeGreaterThanOrEqual(3);
		}
		expect(leaves(catalogue).every((l) => depthOf(catalogue, l.id) === 3)).toBe(true);
	});

	it('gives every check item zh/en titles, guidance naming evidence, and ids under its parent', () => {
		for (const leaf of leaves(catalogue)) {
			expect(leaf.title_zh && leaf.title_en && leaf.guidance).toBeTruthy();
			expect(leaf.id.startsWith(`${leaf.parent}.`)).toBe(true);
		}
		const guidance = leaves(catalogue)
			.map((l) => l.guidance)
			.join('\n');
		for (const evidence of [
			'组织架构图',
			'流程图',
			'培训签到表',
			'证书',
			'服务网点清单',
			'服务承诺书',
			'备件价格表',
			'资金使用记录',
			'维修工单',
			'投诉记录',
			'满意度调查',
			'回访记录'
		])
			expect(guidance).toContain(evidence);
	});

	it('backs the repair, complaint and satisfaction items with metrics', () => {
		const metrics = leaves(catalogue).flatMap((l) =>
			l.metric ? [`${l.metric.id}:${l.metric.params.column}:${l.metric.direction}`] : []
		);
		expect(metrics).toEqual(
			expect.arrayContaining([
				'repairs.turnaround:within_target_share:min',
				'repairs.repeat:repeat_rate_30d:max',
				'satisfaction.monthly:responses:min',
				'satisfaction.monthly:csat_mean:min',
				'satisfaction.monthly:satisfied_share:min',
				'complaints.sla:response_within_target_share:min',
				'complaints.sla:resolution_within_target_share:min'
			])
		);
	});
});

describe('tree helpers', () => {
	const catalogue = validateCatalogue(shipped);
	it('walk the tree in catalogue order', () => {
		expect(firstLevel(catalogue).map((i) => i.id)).toEqual(['1', '2', '3']);
		expect(children(catalogue, '3').map((i) => i.id)).toEqual(['3.1', '3.2']);
		expect(leavesUnder(catalogue, '2.4').map((i) => i.id)).toEqual(['2.4.1', '2.4.2', '2.4.3', '2.4.4']);
		expect(leavesUnder(catalogue, '2.4.1').map((i) => i.id)).toEqual(['2.4.1']);
		expect(pointsOf(catalogue, '2.4')).toBe(9);
		expect(depthOf(catalogue, '1')).toBe(1);
		expect(depthOf(catalogue, '1.1.1')).toBe(3);
	});
});

describe('validateCatalogue errors name the item', () => {
	it('accepts the base catalogue and fills empty defaults', () => {
		const c = validateCatalogue({ ...base(), edition: undefined });
		expect(c.edition).toBe('');
	});
	it('duplicate ids', () => {
		const c = base();
		c.items[2].id = '1.1';
		expect(issues(c)).toContain('item 1.1: id used more than once');
	});
	it('a parent that does not exist, an empty parent, its own parent', () => {
		const c = base();
		c.items[1].parent = '9';
		c.items[2].parent = '';
		expect(issues(c)).toEqual(
			expect.arrayContaining([
				'item 1.1: parent "9" does not exist',
				'item 1.2: parent is empty (leave "parent" out on a first-level indicator)'
			])
		);
		const own = base();
		own.items[1].parent = '1.1';
		expect(issues(own)).toContain('item 1.1: is its own parent');
	});
	it('a leaf without points, an indicator with points, points ≤ 0', () => {
		const c = base();
		c.items[0].points = 5;
		delete c.items[1].points;
		c.items[2].points = -1;
		expect(issues(c)).toEqual([
			'item 1: has check items under it, so it must not have points (they add up from its leaves)',
			'item 1.1: check item (leaf) without points',
			'item 1.2: points must be greater than 0, got -1'
		]);
	});
	it('leaf points that do not sum to 100 (tolerance 1e-9)', () => {
		const c = base();
		c.items[2].points = 39.5;
		expect(issues(c)).toEqual(['check-item points sum to 99.5, not 100']);
		c.items[2].points = 40 + 1e-12;
		expect(() => validateCatalogue(c)).not.toThrow();
	});
	it('parent cycles', () => {
		const c = base();
		c.items.push(
			{ id: 'x', parent: 'y', title_zh: 'x', points: 1 },
			{ id: 'y', parent: 'z', title_zh: 'y' },
			{ id: 'z', parent: 'y', title_zh: 'z' }
		);
		expect(issues(c)).toContain('item y: parent cycle y → z → y');
	});
	it('no first-level indicator at all', () => {
		const c = base();
		c.items = [
			{ id: 'a', parent: 'b', title_zh: 'a' },
			{ id: 'b', parent: 'a', title_zh: 'b' }
		];
		expect(issues(c)).toEqual(
			expect.arrayContaining(['no first-level indicator (an item without "parent")'])
		);
	});
	it('a metric on an indicator, a metric with bad params, wrong types — by item id', () => {
		const c = base();
		c.items[0].metric = { id: 'complaints.sla', params: { column: 'x' }, threshold: 0.9, direction: 'min' };
		c.items[1].metric = {
			id: 'm',
			params: { column: 'x', aggregate: 'weighted_mean' },
			threshold: 1,
			direction: 'up'
		};
		c.items[2].title_zh = 7;
		const found = issues(c);
		expect(found).toEqual(
			expect.arrayContaining([
				'item 1.1 metric.params: aggregate "weighted_mean" needs a "weight" column',
				expect.stringMatching(/^item 1\.1 metric\.direction: /),
				expect.stringMatching(/^item 1\.2 title_zh: /)
			])
		);
		const indicator = base();
		indicator.items[0].metric = { id: 'm', params: { column: 'x' }, threshold: 1, direction: 'min' };
		expect(issues(indicator)).toEqual(['item 1: only a check item (leaf) can have a metric']);
	});
	it('not a catalogue at all', () => {
		expect(issues(null)[0]).toMatch(/^\(root\): /);
		expect(issues({ ...base(), items: [] })).toEqual(['items: items is empty']);
	});
});
