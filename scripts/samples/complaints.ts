/**
 * Complaints: most are about the product, delivery, returns or the hotline and name no service
 * partner; service complaints (维修质量, 上门超时, 服务态度, 配件费用) name the partner of the repair they
 * follow. Every partner stays below the escalation thresholds except WEAK_SUPPLIER, which has bursts of
 * one category in BURSTS months and far more than 25 complaints in every year.
 */
import { REGIONS, SPIKE, SUPPLIERS, WEAK_SUPPLIER, type Model, type Region } from './catalog';
import type { Rng } from './prng';
import type { Repair } from './repairs';
import type { SalesRow } from './sales';
import { timeOfDay } from './repairs';
import {
	DATA_END,
	MIN_PER_DAY,
	MIN_PER_HOUR,
	SERVICE_FIRST_MONTH,
	SALES_MONTHS,
	daysInMonth,
	fmtYm,
	monthOf,
	monthStart,
	parts,
	yearMonth
} from './time';

export const SERVICE_CATEGORIES = ['维修质量', '上门超时', '服务态度', '配件费用'] as const;
const OTHER_CATEGORIES = ['产品质量', '物流配送', '退换货', '安装问题', '价格与发票', '客服热线', '宣传不符'];
const OTHER_WEIGHTS = [40, 12, 14, 10, 8, 10, 6];

/** Months in which WEAK_SUPPLIER gets this many complaints of one category (> 3: final warning). */
export const BURSTS: Record<string, [string, number]> = {
	'2023-11': ['上门超时', 5],
	'2024-03': ['服务态度', 3],
	'2024-07': ['维修质量', 6],
	'2024-08': ['维修质量', 5],
	'2025-02': ['配件费用', 4]
};

export interface Complaint {
	id: string;
	received: number;
	channel: string;
	category: string;
	severity: string;
	model: Model | null;
	supplier: string | null;
	region: Region;
	store: string | null;
	firstResponse: number | null;
	resolved: number | null;
	status: string;
	compensation: number | null;
	satisfaction: number | null;
	description: string;
	resolution: string;
}

const CHANNELS = ['400热线', 'App', '线上商城', '门店', '12315热线', '微博'];
const CHANNEL_WEIGHTS = [45, 15, 12, 13, 5, 10];

const TEXTS: Record<string, string[]> = {
	产品质量: [
		'{model}用了不到一年就出故障, 要求换新机',
		'{model}{defect}, 已经是第二次了',
		'新买的{model}有"异响", 影响休息',
		'{model}质量太差，要求退货'
	],
	物流配送: ['{model}配送延误三天', '送货时外包装破损, 箱体有划痕', '约好上午送货, 下午才到'],
	退换货: ['{model}申请退货一周无人处理', '换货流程太慢, 来回折腾', '退款迟迟不到账'],
	安装问题: ['{model}安装师傅迟到两小时', '安装后加收"辅材费", 价格不透明', '安装不规范，机器晃动'],
	价格与发票: ['买完就降价, 要求价保', '发票开错抬头，一直没重开', '活动赠品未发放'],
	客服热线: ['400热线排队半小时打不通', '客服答复前后不一致', '留言后无人回电'],
	宣传不符: ['{model}实际耗电比宣传高', '宣传"静音", 实际噪音很大'],
	维修质量: [
		'工单{repair}: {model}修完没几天又坏了',
		'工单{repair}: 师傅没查出问题就走了',
		'工单{repair}: 维修后出现新的故障, 要求赔偿'
	],
	上门超时: [
		'工单{repair}: 预约上门超时一天未到',
		'工单{repair}: 师傅多次改约, 一直没来',
		'工单{repair}: 报修三天无人联系'
	],
	服务态度: [
		'工单{repair}: 师傅态度恶劣，不耐烦',
		'工单{repair}: 上门不穿鞋套, 说了还不高兴',
		'工单{repair}: 电话里说"爱修不修"'
	],
	配件费用: [
		'工单{repair}: 配件收费高于官方价格',
		'工单{repair}: 保内维修却收了"材料费"',
		'工单{repair}: 收费无明细，不开发票'
	]
};

const RESOLUTIONS: Record<string, string[]> = {
	default: ['已致歉并解释原因', '已安排专人跟进处理', '已协调解决, 客户接受'],
	产品质量: ['已安排上门检测并维修', '已为客户换新机', '已退货退款'],
	维修质量: ['已安排二次上门免费维修', '已更换服务网点处理', '已考核服务商'],
	上门超时: ['已督促服务商当日上门', '已赠送延保一年', '已考核服务商'],
	配件费用: ['已退还多收费用', '已提供配件价格表'],
	退换货: ['已加急处理退换货', '已完成退款']
};

function fill(template: string, model: Model | null, repair: Repair | null): string {
	return template
		.replace('{model}', model?.name ?? '产品')
		.replace('{defect}', repair?.defect.name ?? '出现故障')
		.replace('{repair}', repair?.id ?? '');
}

interface Draft {
	received: number;
	category: string;
	supplier: string | null;
	repair: Repair | null;
	model: Model | null;
	region: Region;
}

/** Service complaints per partner: [month index, category] cells. */
function serviceCells(rng: Rng): Map<string, [number, string][]> {
	const cells = new Map<string, [number, string][]>();
	for (const supplier of SUPPLIERS) {
		const list: [number, string][] = [];
		const count = (mi: number, cat: string) => list.filter(([m, c]) => m === mi && c === cat).length;
		if (supplier === WEAK_SUPPLIER) {
			for (let mi = SERVICE_FIRST_MONTH; mi < SALES_MONTHS; mi++) {
				const burst = BURSTS[fmtYm(mi)];
				if (burst) for (let i = 0; i < burst[1]; i++) list.push([mi, burst[0]]);
				for (let n = rng.poisson(1.6); n > 0; n--) {
					const cat = rng.pick(SERVICE_CATEGORIES);
					if (cat !== burst?.[0] && count(mi, cat) < 2) list.push([mi, cat]);
				}
			}
		} else {
			// At most 2 of a category in a month and fewer than 25 over the three years.
			for (let n = rng.int(10, 22); n > 0;) {
				const mi = rng.int(SERVICE_FIRST_MONTH, SALES_MONTHS - 1);
				const cat = rng.pick(SERVICE_CATEGORIES);
				if (count(mi, cat) < 2) {
					list.push([mi, cat]);
					n--;
				}
			}
		}
		cells.set(supplier, list);
	}
	return cells;
}

export function simulateComplaints(rng: Rng, sales: SalesRow[], repairs: Repair[]): Complaint[] {
	const repairsByMonth = new Map<number, Repair[]>();
	for (const r of repairs) {
		const mi = monthOf(r.received);
		if (!repairsByMonth.has(mi)) repairsByMonth.set(mi, []);
		repairsByMonth.get(mi)!.push(r);
	}
	const drafts: Draft[] = [];
	const someTime = (mi: number) =>
		timeOfDay(rng, monthStart(mi) + rng.int(0, daysInMonth(mi) - 1) * MIN_PER_DAY);

	for (const [supplier, cells] of serviceCells(rng)) {
		for (const [mi, category] of cells) {
			const received = someTime(mi);
			// The repair it follows: one of this partner's repairs in the 20 days before.
			const candidates = repairs.filter(
				(r) =>
					r.centre.supplier === supplier && r.received < received && r.received > received - 20 * MIN_PER_DAY
			);
			const repair = candidates.length ? rng.pick(candidates) : null;
			const region = repair?.region ?? REGIONS.find((g) => g.centres.some((c) => c.supplier === supplier))!;
			drafts.push({ received, category, supplier, repair, model: repair?.model ?? null, region });
		}
	}

	for (let mi = SERVICE_FIRST_MONTH; mi < SALES_MONTHS; mi++) {
		const monthRepairs = repairsByMonth.get(mi) ?? [];
		const monthSales = sales.filter((s) => s.mi === mi);
		const units = monthSales.reduce((a, s) => a + s.units, 0);
		const n = rng.poisson(0.07 * monthRepairs.length + 0.009 * units);
		for (let i = 0; i < n; i++) {
			const category = rng.weighted(OTHER_CATEGORIES, OTHER_WEIGHTS);
			const repair = category === '产品质量' && monthRepairs.length ? rng.pick(monthRepairs) : null;
			const sale = rng.weighted(
				monthSales,
				monthSales.map((s) => s.units)
			);
			const model = category === '客服热线' ? null : (repair?.model ?? sale.model);
			const received = repair
				? Math.min(repair.received + rng.int(60, 5 * MIN_PER_DAY), monthStart(mi + 1) - 1)
				: someTime(mi);
			drafts.push({
				received,
				category,
				supplier: null,
				repair,
				model,
				region: repair?.region ?? sale.region
			});
		}
		// The defect spike also shows up as product complaints about compressor noise.
		if (SPIKE.months.includes(fmtYm(mi))) {
			const spikeRepairs = monthRepairs.filter((r) => r.spike);
			for (let i = 0; i < 12; i++) {
				const repair = rng.pick(spikeRepairs);
				const received = Math.min(repair.received + rng.int(1, 5) * MIN_PER_DAY, monthStart(mi + 1) - 1);
				drafts.push({
					received,
					category: '产品质量',
					supplier: null,
					repair,
					model: repair.model,
					region: repair.region
				});
			}
		}
	}

	drafts.sort((a, b) => a.received - b.received || a.category.localeCompare(b.category));
	const seqByMonth = new Map<number, number>();
	return drafts.map((d) => {
		const mi = monthOf(d.received);
		const seq = (seqByMonth.get(mi) ?? 0) + 1;
		seqByMonth.set(mi, seq);
		const { y, m } = yearMonth(mi);
		const yearIndex = y - 2023;
		const weak = d.supplier === WEAK_SUPPLIER;
		const channel = rng.weighted(CHANNELS, CHANNEL_WEIGHTS);
		const severity = rng.weighted(
			['一般', '较重', '严重'],
			channel === '12315热线' ? [40, 40, 20] : [68, 24, 8]
		);
		// First response: mostly within 4 h, improving year on year.
		const onTime = rng.chance(0.84 + 0.03 * yearIndex);
		let firstResponse: number | null =
			d.received +
			Math.round(onTime ? 5 + 230 * Math.pow(rng.next(), 2) : rng.uniform(4.1, 30) * MIN_PER_HOUR);
		// Resolution: mostly within 48 h; the weak partner's cases drag on; a few stay open.
		let resolved: number | null = null;
		if (!rng.chance(0.04)) {
			resolved = rng.chance(0.78 + 0.04 * yearIndex - (weak ? 0.25 : 0))
				? Math.min(
						firstResponse + Math.round(rng.uniform(1, 40) * MIN_PER_HOUR),
						d.received + 47 * MIN_PER_HOUR
					)
				: d.received + Math.round(rng.uniform(49, 360) * MIN_PER_HOUR);
			resolved = Math.max(resolved, firstResponse);
		}
		if (firstResponse >= DATA_END) firstResponse = null;
		if (resolved !== null && resolved >= DATA_END) resolved = null;
		const late = resolved === null || resolved - d.received > 48 * MIN_PER_HOUR;
		const score = 4.2 - (late ? 1.2 : 0) - (weak ? 0.8 : 0) + 0.8 * rng.normal();
		const compensationChance = severity === '严重' ? 0.6 : severity === '较重' ? 0.2 : 0.03;
		const store = channel === '门店' ? rng.pick(d.region.stores) : null;
		return {
			id: `TS${y}${String(m).padStart(2, '0')}${String(seq).padStart(4, '0')}`,
			received: d.received,
			channel,
			category: d.category,
			severity,
			model: d.model,
			supplier: d.supplier,
			region: d.region,
			store,
			firstResponse,
			resolved,
			status: firstResponse === null ? '待受理' : resolved === null ? '处理中' : '已办结',
			compensation: rng.chance(compensationChance)
				? Math.round(rng.uniform(50, 800) / 10) * 10
				: rng.chance(0.5)
					? 0
					: null,
			satisfaction:
				resolved === null || rng.chance(0.15) ? null : Math.min(5, Math.max(1, Math.round(score))),
			description: fill(rng.pick(TEXTS[d.category]), d.model, d.repair),
			resolution: resolved === null ? '' : rng.pick(RESOLUTIONS[d.category] ?? RESOLUTIONS.default)
		};
	});
}

/** Per partner: complaints per month × category, for the README and the self-check. */
export function escalationSummary(complaints: Complaint[]) {
	const out = new Map<
		string,
		{ total: number; byYear: Record<number, number>; cells: Map<string, number> }
	>();
	for (const c of complaints) {
		if (!c.supplier) continue;
		const s = out.get(c.supplier) ?? { total: 0, byYear: {}, cells: new Map<string, number>() };
		s.total++;
		const y = parts(c.received).y;
		s.byYear[y] = (s.byYear[y] ?? 0) + 1;
		const key = `${fmtYm(monthOf(c.received))} ${c.category}`;
		s.cells.set(key, (s.cells.get(key) ?? 0) + 1);
		out.set(c.supplier, s);
	}
	return out;
}
