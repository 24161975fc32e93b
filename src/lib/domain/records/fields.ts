/** The field builder and the fields several kinds share. */
import type { FieldDef, FieldType } from './kinds';

export const f = (
	name: string,
	type: FieldType,
	zh: string,
	en: string,
	synonyms: string[],
	required = false
): FieldDef => ({ name, type, zh, en, synonyms, required });

export const region = f('region', 'text', '区域', 'Region', [
	'大区',
	'区域',
	'地区',
	'省份',
	'省',
	'region',
	'area',
	'state'
]);
export const channel = f('channel', 'text', '渠道', 'Channel', [
	'渠道',
	'来源渠道',
	'受理渠道',
	'投诉渠道',
	'channel',
	'source',
	'submitted via'
]);
export const model = (required: boolean) =>
	f(
		'product_model',
		'text',
		'产品型号',
		'Product model',
		[
			'产品型号',
			'机型',
			'型号',
			'产品',
			'商品型号',
			'车型',
			'model',
			'product model',
			'product',
			'sku',
			'stockcode',
			'product_id'
		],
		required
	);
export const supplier = f('supplier', 'text', '服务商/供应商', 'Supplier', [
	'服务商',
	'供应商',
	'厂商',
	'品牌',
	'supplier',
	'vendor',
	'service partner',
	'company',
	'seller_id',
	'brand'
]);
export const soldAt = f('sold_at', 'date', '购买日期', 'Purchase date', [
	'购买日期',
	'销售日期',
	'购机日期',
	'购买时间',
	'sold at',
	'purchase date',
	'date of purchase'
]);
export const category = f('category', 'text', '品类', 'Category', [
	'品类',
	'产品类别',
	'产品大类',
	'类别',
	'category',
	'product category',
	'product_category_name'
]);
