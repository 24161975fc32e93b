/** Returns, exchanges and refunds (退货/换货/退款) of sold units, mostly within 7/15 days of purchase. */
import type { Model, Region } from './catalog';
import type { Rng } from './prng';
import { soldDateOf, serialOf, timeOfDay } from './repairs';
import type { SalesRow } from './sales';
import { DATA_END, MIN_PER_DAY, MIN_PER_HOUR, SERVICE_FIRST_MONTH, SERVICE_START, fmtCompact } from './time';

export interface Return {
	id: string;
	requested: number;
	model: Model;
	orderId: string;
	type: '退货' | '换货' | '退款';
	reasonCode: string;
	reason: string;
	quantity: number;
	amount: number;
	sold: number;
	counterDone: number | null;
	inspected: number | null;
	closed: number | null;
	channel: string;
	region: Region;
	store: string;
	supplier: string;
	defectConfirmed: boolean | null;
	note: string;
}

interface Reason {
	code: string;
	text: string;
	weight: number;
	types: ['退货' | '换货' | '退款', number][];
	/** Days after purchase the request comes in, at most. */
	within: number;
}

const REASONS: Reason[] = [
	{
		code: 'R01',
		text: '质量问题',
		weight: 30,
		types: [
			['换货', 0.6],
			['退货', 0.4]
		],
		within: 15
	},
	{
		code: 'R02',
		text: '运输损坏',
		weight: 14,
		types: [
			['换货', 0.8],
			['退货', 0.2]
		],
		within: 3
	},
	{ code: 'R03', text: '七天无理由', weight: 26, types: [['退货', 1]], within: 7 },
	{
		code: 'R04',
		text: '与描述不符',
		weight: 8,
		types: [
			['退货', 0.6],
			['退款', 0.4]
		],
		within: 7
	},
	{
		code: 'R05',
		text: '安装问题',
		weight: 6,
		types: [
			['换货', 0.5],
			['退货', 0.5]
		],
		within: 15
	},
	{ code: 'R06', text: '发错货', weight: 4, types: [['换货', 1]], within: 7 },
	{ code: 'R07', text: '价格保护', weight: 12, types: [['退款', 1]], within: 30 }
];

/** Returns per unit sold, by channel. */
export const RETURN_RATE = { store: 0.011, online: 0.027 };

const CARRIERS = ['顺丰速运', '京东物流', '日日顺物流'];
const NOTES = [
	'',
	'',
	'',
	'',
	'客户要求上门取件',
	'外箱破损; 已拍照留证',
	'赠品已退回',
	'配件缺失: 遥控器; 说明书',
	'已联系物流核实'
];

export function simulateReturns(rng: Rng, sales: SalesRow[]): Return[] {
	const out: Omit<Return, 'id'>[] = [];
	for (const row of sales) {
		if (row.mi < SERVICE_FIRST_MONTH - 1) continue;
		const n = rng.poisson(row.units * RETURN_RATE[row.channel === '门店' ? 'store' : 'online']);
		for (let i = 0; i < n; i++) {
			const serial = serialOf(row, rng.int(1, row.units));
			const sold = soldDateOf(row, serial);
			const reason = rng.weighted(
				REASONS,
				REASONS.map((r) => r.weight)
			);
			const type = rng.weighted(
				reason.types.map((t) => t[0]),
				reason.types.map((t) => t[1])
			);
			const requested = timeOfDay(rng, sold + rng.int(0, reason.within) * MIN_PER_DAY);
			if (requested < SERVICE_START || requested >= DATA_END) continue;
			const quantity = rng.chance(0.05) ? 2 : 1;
			const store =
				row.channel === '门店'
					? rng.pick(row.region.stores)
					: row.channel === 'App'
						? 'App旗舰店'
						: '官方商城';
			// Counter handling mostly within 10 min, inspection mostly within 30 min; refunds need no inspection.
			const counterDone = requested + (rng.chance(0.88) ? rng.int(2, 10) : rng.int(11, 45));
			const inspected =
				type === '退款'
					? null
					: Math.max(
							requested + (rng.chance(0.85) ? rng.int(8, 30) : rng.int(31, 240)),
							counterDone + rng.int(1, 5)
						);
			const closedHours = row.channel === '门店' ? rng.uniform(1, 72) : rng.uniform(24, 240);
			const closed = requested + Math.round(closedHours * MIN_PER_HOUR);
			const supplier = reason.code === 'R02' ? rng.pick(CARRIERS) : rng.pick(row.region.centres).supplier;
			out.push({
				requested,
				model: row.model,
				orderId: `DD${fmtCompact(sold)}${String(rng.int(0, 999999)).padStart(6, '0')}`,
				type,
				reasonCode: reason.code,
				reason: reason.text,
				quantity,
				amount:
					type === '换货'
						? 0
						: type === '退款' && reason.code === 'R07'
							? rng.int(5, 30) * 10
							: quantity * row.price,
				sold,
				counterDone: counterDone < DATA_END ? counterDone : null,
				inspected: inspected !== null && inspected < DATA_END ? inspected : null,
				closed: closed < DATA_END ? closed : null,
				channel: row.channel,
				region: row.region,
				store,
				supplier,
				defectConfirmed:
					reason.code === 'R01'
						? rng.chance(0.8)
						: reason.code === 'R03' || reason.code === 'R07'
							? null
							: false,
				note: rng.pick(NOTES)
			});
		}
	}
	out.sort((a, b) => a.requested - b.requested || a.orderId.localeCompare(b.orderId));
	let day = '';
	let seq = 0;
	return out.map((r) => {
		const d = fmtCompact(r.requested);
		seq = d === day ? seq + 1 : 1;
		day = d;
		return { id: `TH${d}${String(seq).padStart(4, '0')}`, ...r };
	});
}
