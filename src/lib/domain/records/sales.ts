import { fieldTable, region, channel, model, category } from './fields';
import type { KindDef } from './kinds';

export const sales: KindDef = {
	kind: 'sales',
	table: 'sales',
	zh: '销量',
	en: 'Sales',
	key: ['period', 'product_model', 'region', 'channel'],
	ordered: [],
	dateField: 'period',
	fields: fieldTable({
		period: ['month', '月份', 'Period', '月份, 期间, 销售月份, 年月, 统计月份, period, month', 'required'],
		product_model: model(true),
		category,
		region,
		channel,
		units: [
			'count',
			'销量',
			'Units sold',
			'销量, 销售数量, 数量, 台数, units, units sold, quantity',
			'required'
		],
		revenue: ['amount', '销售额', 'Revenue', '销售额, 销售金额, 金额, 收入, revenue, sales amount']
	})
};
