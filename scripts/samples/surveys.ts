/** Follow-up calls (回访) after completed repairs: CSAT 1–5 and the 0–10 recommend question. */
import { WEAK_SUPPLIER, type Model, type Region } from './catalog';
import type { Rng } from './prng';
import { timeOfDay, type Repair } from './repairs';
import { DATA_END, MIN_PER_DAY, fmtCompact } from './time';

export interface Survey {
	id: string;
	responded: number;
	csat: number;
	nps: number | null;
	channel: string;
	relatedId: string;
	model: Model;
	region: Region;
	comment: string;
}

const PRAISE = ['师傅很专业, 准时上门', '维修及时，服务很好', '态度好, 讲解清楚', '上门快，收费透明', '满意'];
const CRITICISM = [
	'等了好几天才修好',
	'修好没多久又坏了',
	'收费有点贵',
	'师傅迟到了, 也没提前打电话',
	'问题没彻底解决',
	'预约太难'
];

export function simulateSurveys(rng: Rng, repairs: Repair[]): Survey[] {
	const out: Omit<Survey, 'id'>[] = [];
	for (const r of repairs) {
		if (r.completed === null || !rng.chance(0.4)) continue;
		const responded = timeOfDay(rng, r.completed + rng.int(1, 5) * MIN_PER_DAY);
		if (responded >= DATA_END) continue;
		const turnaroundDays = (r.completed - r.received) / MIN_PER_DAY;
		const score =
			4.5 -
			(r.centre.supplier === WEAK_SUPPLIER ? 0.6 : 0) -
			0.12 * Math.max(0, turnaroundDays - 3) -
			(r.repeatOf ? 1 : 0) -
			(r.inWarranty ? 0 : 0.3) +
			0.75 * rng.normal();
		const csat = Math.min(5, Math.max(1, Math.round(score)));
		const nps = rng.chance(0.04)
			? null
			: Math.min(10, Math.max(0, Math.round(2 * csat - 0.5 + 1.3 * rng.normal())));
		const comment =
			csat >= 4 ? (rng.chance(0.5) ? '' : rng.pick(PRAISE)) : rng.chance(0.3) ? '' : rng.pick(CRITICISM);
		out.push({
			responded,
			csat,
			nps,
			channel: rng.weighted(['电话回访', '短信', '微信', 'App'], [50, 25, 15, 10]),
			relatedId: r.id,
			model: r.model,
			region: r.region,
			comment
		});
	}
	out.sort((a, b) => a.responded - b.responded || a.relatedId.localeCompare(b.relatedId));
	let day = '';
	let seq = 0;
	return out.map((s) => {
		const d = fmtCompact(s.responded);
		seq = d === day ? seq + 1 : 1;
		day = d;
		return { id: `HF${d}${String(seq).padStart(4, '0')}`, ...s };
	});
}
