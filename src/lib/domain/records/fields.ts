/** The table that defines a kind's fields, and the fields several kinds share. */
import type { FieldDef, FieldType } from './kinds';

/**
 * One field of a kind's table: how its values are parsed, its labels, the header spellings seen in
 * real exports (one line, separated by ", ", as the README lists them), and whether a file must have it.
 */
type FieldRow = readonly [type: FieldType, zh: string, en: string, synonyms: string, required?: 'required'];

/** A kind's fields in the order of its table: one row per field, by name, or a field several kinds share. */
export function fieldTable(rows: Record<string, FieldRow | FieldDef>): FieldDef[] {
	return Object.entries(rows).map(([name, row]): FieldDef => {
		if (!Array.isArray(row)) {
			const shared = row as FieldDef;
			if (shared.name !== name) throw new Error(`the shared field ${shared.name} stands as ${name}`);
			return shared;
		}
		const [type, zh, en, synonyms, required] = row as FieldRow;
		return { name, type, zh, en, synonyms: synonyms.split(', '), required: required === 'required' };
	});
}

const { product_model, region, channel, supplier, sold_at, category, store } = Object.fromEntries(
	fieldTable({
		product_model: [
			'text',
			'产品型号',
			'Product model',
			'产品型号, 机型, 型号, 产品, 商品型号, 车型, model, product model, product, sku, stockcode, product_id'
		],
		region: ['text', '区域', 'Region', '大区, 区域, 地区, 省份, 省, region, area, state'],
		channel: [
			'text',
			'渠道',
			'Channel',
			'渠道, 来源渠道, 受理渠道, 投诉渠道, channel, source, submitted via'
		],
		supplier: [
			'text',
			'服务商/供应商',
			'Supplier',
			'服务商, 供应商, 厂商, 品牌, supplier, vendor, service partner, company, seller_id, brand'
		],
		sold_at: [
			'date',
			'购买日期',
			'Purchase date',
			'购买日期, 销售日期, 购机日期, 购买时间, sold at, purchase date, date of purchase'
		],
		category: [
			'text',
			'品类',
			'Category',
			'品类, 产品类别, 产品大类, 类别, category, product category, product_category_name'
		],
		store: ['text', '门店', 'Store', '门店, 店铺, 商场, store, shop']
	}).map((field) => [field.name, field])
);
export { region, channel, supplier, sold_at as soldAt, category, store };

export const model = (required: boolean): FieldDef => ({ ...product_model, required });
