import type { Catalogue } from '../../src/lib/domain/assessment/catalogue';
import { validateCatalogue } from '../../src/lib/domain/assessment/catalogue';

/**
 * The header row of a certification body's sheet as such sheets write it: `idColumns` (编号, 名称 …)
 * and then the columns every sheet shares.
 */
export const sheetHeader = (...idColumns: string[]): string[] => [
	...idColumns,
	'title_en',
	'分值',
	'评价要点',
	'metric_id',
	'metric_params',
	'metric_threshold',
	'metric_direction'
];

/**
 * A small valid catalogue for tests: two first-level indicators, three second-level, five check items
 * (points 40 + 20 + 20 + 10 + 10 = 100); 2.1.1 is backed by complaints.sla.
 */
export function smallCatalogue(): Catalogue {
	return validateCatalogue({
		id: 'test-catalogue',
		title: 'Test catalogue',
		edition: '1',
		items: [
			{ id: '1', title_zh: '售后服务体系', title_en: 'After-sales service system' },
			{ id: '1.1', parent: '1', title_zh: '组织架构', title_en: 'Organisation' },
			{ id: '1.1.1', parent: '1.1', title_zh: '设立售后服务部门', points: 40, guidance: '组织架构图' },
			{ id: '1.2', parent: '1', title_zh: '人员配置', title_en: 'Staffing' },
			{ id: '1.2.1', parent: '1.2', title_zh: '持证售后服务管理师', points: 20 },
			{ id: '1.2.2', parent: '1.2', title_zh: '培训', points: 20 },
			{ id: '2', title_zh: '顾客服务', title_en: 'Customer service' },
			{ id: '2.1', parent: '2', title_zh: '投诉处理', title_en: 'Complaint handling' },
			{
				id: '2.1.1',
				parent: '2.1',
				title_zh: '投诉按时解决',
				points: 10,
				metric: {
					id: 'complaints.sla',
					params: { column: 'resolution_within_target_share', weight: 'complaints' },
					threshold: 0.9,
					direction: 'min'
				}
			},
			{ id: '2.1.2', parent: '2.1', title_zh: '投诉记录闭环', points: 10 }
		]
	});
}

export const PERIOD = {
	name: '2024 年度自评',
	site: '上海总部',
	periodFrom: '2024-01-01',
	periodTo: '2024-12-31',
	assessor: '张三'
};
