/**
 * Repairs: every sold unit draws its failures from a Weibull hazard (shape > 1, wear-out) modulated by
 * the season of use, via thinning; failures inside 2023–2025 become repair orders (after the warranty
 * only some of them). On top: the injected
 * defect spike and repeat repairs (返修) of the same serial within 30/90 days.
 */
import {
	DEFECTS,
	FAILURE_SEASON,
	SALES_CHANNELS,
	SPIKE,
	WEAK_SUPPLIER,
	defectByCode,
	textsFor,
	type Centre,
	type Defect,
	type Model,
	type Region
} from './catalog';
import { hash32, type Rng } from './prng';
import type { SalesRow } from './sales';
import {
	DATA_END,
	DAYS_PER_MONTH,
	MIN_PER_DAY,
	SERVICE_START,
	calMonth,
	daysInMonth,
	fmtCompact,
	fmtYm,
	monthOf,
	monthStart,
	parts,
	startOfDay,
	yearMonth
} from './time';

export interface Repair {
	id: string;
	received: number;
	model: Model;
	region: Region;
	serial: string;
	/** Purchase date (midnight). */
	sold: number;
	defect: Defect;
	symptom: string;
	cause: string;
	centre: Centre;
	completed: number | null;
	status: string;
	inWarranty: boolean;
	parts: number;
	labor: number;
	logistics: number;
	other: number;
	/** Internal: the repair this one repeats, and whether it belongs to the injected spike. */
	repeatOf: Repair | null;
	spike: boolean;
}

/** A unit's identity: model, sales month, region, channel and its number within that sales row. */
export function serialOf(row: SalesRow, unit: number): string {
	const { y, m } = yearMonth(row.mi);
	const channel = SALES_CHANNELS.indexOf(row.channel) + 1;
	return `${row.model.prefix}${String(y % 100)}${String(m).padStart(2, '0')}${row.region.code}${channel}${String(unit).padStart(5, '0')}`;
}

/** The purchase date follows from the serial, so every repair of one unit agrees on it. */
export function soldDateOf(row: SalesRow, serial: string): number {
	return monthStart(row.mi) + (hash32(serial) % daysInMonth(row.mi)) * MIN_PER_DAY;
}

const HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const HOUR_WEIGHTS = [3, 6, 9, 9, 7, 6, 7, 8, 7, 6, 5, 4, 3, 2];

export function timeOfDay(rng: Rng, day: number): number {
	return startOfDay(day) + rng.weighted(HOURS, HOUR_WEIGHTS) * 60 + rng.int(0, 59);
}

function pickDefect(rng: Rng, model: Model, ageMonths: number): Defect {
	const candidates = DEFECTS.filter((d) => d.weight[model.category]);
	const weights = candidates.map((d) => {
		let w = d.weight[model.category] ?? 0;
		if (d.early) w *= ageMonths < 2 ? 4 : ageMonths < 6 ? 1 : 0.1;
		if (d.ageing) w *= 0.5 + ageMonths / 24;
		return w;
	});
	return rng.weighted(candidates, weights);
}

const CENTRE_WEIGHTS = [3, 2.5, 1.5, 1];

/** Share of failures after the 12-month warranty that still come to the maker's service network. */
export const OUT_OF_WARRANTY_CAPTURE = 0.35;

const round = (x: number, step: number) => Math.round(x / step) * step;

interface Failure {
	row: SalesRow;
	serial: string;
	sold: number;
	received: number;
	defect?: Defect;
	centre?: Centre;
	repeatOf?: Repair;
	spike?: boolean;
}

function makeRepair(rng: Rng, f: Failure): Repair {
	const { row } = f;
	const ageMonths = (f.received - f.sold) / MIN_PER_DAY / DAYS_PER_MONTH;
	const defect = f.defect ?? pickDefect(rng, row.model, ageMonths);
	const centre =
		f.centre ?? rng.weighted(row.region.centres, CENTRE_WEIGHTS.slice(0, row.region.centres.length));
	// Turnaround: mostly 1–4 days, some waiting for parts; the weak supplier is slower.
	const slow = centre.supplier === WEAK_SUPPLIER ? 1.6 : 1;
	const u = rng.next();
	const days =
		slow *
		(u < 0.55
			? rng.uniform(0.1, 1.5)
			: u < 0.88
				? rng.uniform(1.5, 4)
				: u < 0.97
					? rng.uniform(4, 10)
					: rng.uniform(10, 25));
	let completed: number | null = f.received + Math.round(days * MIN_PER_DAY);
	const hh = parts(completed).hh;
	if (hh < 8 || hh >= 20)
		completed = startOfDay(completed) + (hh >= 20 ? MIN_PER_DAY : 0) + rng.int(9 * 60, 18 * 60);
	if (completed >= DATA_END) completed = null;
	const [pZero, lo, hi] = defect.parts;
	return {
		id: '',
		received: f.received,
		model: row.model,
		region: row.region,
		serial: f.serial,
		sold: f.sold,
		defect,
		symptom: rng.pick(textsFor(defect.symptoms, row.model.category)),
		cause: rng.pick(textsFor(defect.causes, row.model.category)),
		centre,
		completed,
		status: completed !== null ? '已完工' : rng.chance(0.7) ? '维修中' : '待配件',
		// Whole unit 12 months; compressors 36 months.
		inWarranty: ageMonths <= 12 || (defect.group === '压缩机' && ageMonths <= 36),
		parts: rng.chance(pZero) ? 0 : round(rng.uniform(lo, hi), 0.5),
		labor: round(rng.uniform(defect.labor[0], defect.labor[1]), 10),
		logistics: rng.chance(0.25) ? 0 : round(rng.uniform(20, 100), 5),
		other: rng.chance(row.model.category === '空调' ? 0.12 : 0.05) ? round(rng.uniform(20, 150), 10) : 0,
		repeatOf: f.repeatOf ?? null,
		spike: f.spike ?? false
	};
}

/** Failures of every sold unit (non-homogeneous Weibull process, sampled by thinning). */
function wearOutFailures(rng: Rng, sales: SalesRow[]): Failure[] {
	const out: Failure[] = [];
	for (const row of sales) {
		const season = FAILURE_SEASON[row.model.category];
		const peak = Math.max(...season);
		const { scale, shape } = row.model;
		for (let unit = 1; unit <= row.units; unit++) {
			const serial = serialOf(row, unit);
			const sold = soldDateOf(row, serial);
			let cumHazard = 0;
			for (;;) {
				cumHazard += rng.exponential() / peak;
				const ageMonths = scale * Math.pow(cumHazard, 1 / shape);
				const t = sold + Math.round(ageMonths * DAYS_PER_MONTH * MIN_PER_DAY);
				if (t >= DATA_END) break;
				if (!rng.chance(season[calMonth(monthOf(t)) - 1] / peak)) continue;
				// Out of warranty, most owners go to independent repairers the maker never hears of.
				if (t >= SERVICE_START && (ageMonths <= 12 || rng.chance(OUT_OF_WARRANTY_CAPTURE)))
					out.push({ row, serial, sold, received: timeOfDay(rng, t) });
			}
		}
	}
	return out;
}

/** Extra failures for the spike: units of the model sold in the 12 months before each spike month. */
function spikeFailures(rng: Rng, sales: SalesRow[], repairs: Repair[]): Failure[] {
	const spikeMonths = new Set(SPIKE.months);
	const counts = new Map<string, number>();
	for (const r of repairs) {
		if (r.model.name !== SPIKE.model || r.defect.code !== SPIKE.code) continue;
		const ym = fmtYm(monthOf(r.received));
		counts.set(ym, (counts.get(ym) ?? 0) + 1);
	}
	// Normal rate: the same model and code in the 3 months before and the 3 months after the spike.
	const first = sales.find((s) => fmtYm(s.mi) === SPIKE.months[0])!.mi;
	const last = first + SPIKE.months.length - 1;
	let normal = 0;
	for (let k = 1; k <= 3; k++)
		normal += (counts.get(fmtYm(first - k)) ?? 0) + (counts.get(fmtYm(last + k)) ?? 0);
	normal /= 6;
	const out: Failure[] = [];
	for (let mi = first; mi < first + SPIKE.months.length; mi++) {
		if (!spikeMonths.has(fmtYm(mi))) throw new Error('spike months must be consecutive');
		const extra = Math.round(normal * (SPIKE.factor - 1) * rng.uniform(0.9, 1.1));
		const pool = sales.filter(
			(s) => s.model.name === SPIKE.model && s.mi >= mi - 12 && s.mi < mi && s.units > 0
		);
		for (let i = 0; i < extra; i++) {
			const row = rng.weighted(
				pool,
				pool.map((s) => s.units)
			);
			const serial = serialOf(row, rng.int(1, row.units));
			const day = monthStart(mi) + rng.int(0, daysInMonth(mi) - 1) * MIN_PER_DAY;
			out.push({
				row,
				serial,
				sold: soldDateOf(row, serial),
				received: timeOfDay(rng, day),
				defect: defectByCode(SPIKE.code),
				spike: true
			});
		}
	}
	return out;
}

export function simulateRepairs(rng: Rng, sales: SalesRow[]): Repair[] {
	const rowOf = new Map<string, SalesRow>();
	const failures = wearOutFailures(rng, sales);
	const repairs = failures.map((f) => {
		const r = makeRepair(rng, f);
		rowOf.set(r.serial, f.row);
		return r;
	});
	for (const f of spikeFailures(rng, sales, repairs)) {
		rowOf.set(f.serial, f.row);
		repairs.push(makeRepair(rng, f));
	}
	// Repeat repairs: the fix did not hold. Processed in a growing list so a repeat can repeat again.
	for (let i = 0; i < repairs.length; i++) {
		const r = repairs[i];
		const p = r.centre.supplier === WEAK_SUPPLIER ? 0.12 : 0.05;
		if (r.completed === null || !rng.chance(p)) continue;
		const gapDays = rng.chance(0.6) ? rng.uniform(1, 30) : rng.uniform(30, 90);
		const received = timeOfDay(rng, r.completed + Math.round(gapDays * MIN_PER_DAY));
		if (received >= DATA_END || received <= r.completed) continue;
		repairs.push(
			makeRepair(rng, {
				row: rowOf.get(r.serial)!,
				serial: r.serial,
				sold: r.sold,
				received,
				defect: rng.chance(0.7) ? r.defect : undefined,
				centre: rng.chance(0.8) ? r.centre : undefined,
				repeatOf: r
			})
		);
	}
	repairs.sort((a, b) => a.received - b.received || (a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0));
	let day = '';
	let seq = 0;
	for (const r of repairs) {
		const d = fmtCompact(r.received);
		seq = d === day ? seq + 1 : 1;
		day = d;
		r.id = `WX${d}${String(seq).padStart(4, '0')}`;
	}
	return repairs;
}
