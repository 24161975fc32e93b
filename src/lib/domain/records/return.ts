import { fieldTable, region, channel, model, supplier, soldAt, store } from './fields';
import type { KindDef } from './kinds';

export const returnKind: KindDef = {
	kind: 'return',
	table: 'returns',
	zh: '退换货',
	en: 'Returns',
	key: ['return_id'],
	ordered: [
		['requested_at', 'closed_at'],
		['requested_at', 'counter_done_at'],
		['requested_at', 'inspected_at']
	],
	dateField: 'requested_at',
	fields: fieldTable({
		return_id: [
			'text',
			'退货单号',
			'Return ID',
			'退货单号, 退换货单号, 售后单号, 退款单号, return id, return_id, rma',
			'required'
		],
		requested_at: [
			'timestamp',
			'申请时间',
			'Requested',
			'申请时间, 退货时间, 申请日期, 发起时间, requested at, requested, return date, invoicedate',
			'required'
		],
		product_model: model(true),
		order_id: ['text', '订单号', 'Order ID', '订单号, 订单编号, 原订单号, order id, order_id, invoiceno'],
		return_type: [
			'return_type',
			'类型',
			'Return type',
			'退换类型, 售后类型, 类型, 处理方式, return type, type'
		],
		reason_code: ['text', '原因代码', 'Reason code', '原因代码, 退货原因代码, reason code'],
		reason: ['text', '退货原因', 'Reason', '退货原因, 原因, 退换原因, reason'],
		quantity: ['count', '数量', 'Quantity', '数量, 退货数量, quantity, qty'],
		amount: ['amount', '金额', 'Amount', '金额, 退款金额, 退货金额, amount, refund amount'],
		sold_at: soldAt,
		counter_done_at: [
			'timestamp',
			'柜台受理完成时间',
			'Counter done',
			'柜台受理完成时间, 受理完成时间, 柜台完成时间, counter done at, counter done'
		],
		inspected_at: [
			'timestamp',
			'检验时间',
			'Inspected',
			'检验时间, 检测时间, 质检时间, inspected at, inspected'
		],
		closed_at: [
			'timestamp',
			'关闭时间',
			'Closed',
			'关闭时间, 完结时间, 结案时间, 办结时间, closed at, closed'
		],
		channel,
		region,
		store,
		supplier,
		defect_confirmed: [
			'bool',
			'质量问题确认',
			'Defect confirmed',
			'质量问题确认, 是否质量问题, 确认质量问题, defect confirmed'
		]
	})
};
