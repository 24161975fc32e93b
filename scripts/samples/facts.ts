/** Numbers about the generated data for the README, and checks that the injected signals are there. */
import type { Problem } from './bad-rows';
import { SPIKE, WEAK_SUPPLIER } from './catalog';
import { escalationSummary, type Complaint } from './complaints';
import type { FileInfo } from './readme';
import type { Repair } from './repairs';
import type { Return } from './returns';
import type { SalesRow } from './sales';
import type { Survey } from './surveys';
import {
	DAYS_PER_MONTH,
	MIN_PER_DAY,
	MIN_PER_HOUR,
	SALES_MONTHS,
	SERVICE_FIRST_MONTH,
	fmtYm,
	monthOf,
	parts
} from './time';

export interface Data {
	sales: SalesRow[];
	repairs: Repair[];
	complaints: Complaint[];
	surveys: Survey[];
	returns: Return[];
	bad: { problems: Problem[]; lines: number; cnValid: number; blankLine: number };
}

const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length;
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const pct = (x: number) => Math.round(x * 1000) / 10;
const byYear = <T>(items: T[], year: (x: T) => number, share: (list: T[]) => number) =>
	Object.fromEntries([2023, 2024, 2025].map((y) => [y, pct(share(items.filter((x) => year(x) === y)))]));

export function computeFacts(d: Data, files: FileInfo[]) {
	const { sales, repairs, complaints, surveys, returns } = d;
	const repairsByYear: Record<number, number> = {};
	for (const r of repairs) repairsByYear[parts(r.received).y] = (repairsByYear[parts(r.received).y] ?? 0) + 1;

	// Units in warranty in month m: units sold in the 12 months up to m (the workbench's default W).
	const unitsIn = (model: string | null) => {
		const byMonth = new Array<number>(SALES_MONTHS).fill(0);
		for (const s of sales) if (model === null || s.model.name === model) byMonth[s.mi] += s.units;
		return (mi: number) => byMonth.slice(Math.max(0, mi - 11), mi + 1).reduce((a, x) => a + x, 0);
	};
	const perMonth = (list: Repair[]) => {
		const out = new Array<number>(SALES_MONTHS).fill(0);
		for (const r of list) out[monthOf(r.received)]++;
		return out;
	};
	const months = Array.from(
		{ length: SALES_MONTHS - SERVICE_FIRST_MONTH },
		(_, i) => SERVICE_FIRST_MONTH + i
	);
	const inWarranty = unitsIn(null);
	const ageMonths = (r: Repair) => (r.received - r.sold) / MIN_PER_DAY / DAYS_PER_MONTH;
	const warrantyCounts = perMonth(repairs.filter((r) => ageMonths(r) <= 12));
	const allCounts = perMonth(repairs);
	const warrantyRates = months.map((mi) => warrantyCounts[mi] / inWarranty(mi));
	const allRates = months.map((mi) => allCounts[mi] / inWarranty(mi));

	// p-chart of the spike model and code against units in warranty, limits 3σ per month.
	const spikeUnits = unitsIn(SPIKE.model);
	const spikeCounts = perMonth(
		repairs.filter((r) => r.model.name === SPIKE.model && r.defect.code === SPIKE.code)
	);
	const pBar = mean(months.map((mi) => spikeCounts[mi])) / mean(months.map((mi) => spikeUnits(mi)));
	const flagged = months
		.filter(
			(mi) => spikeCounts[mi] / spikeUnits(mi) > pBar + 3 * Math.sqrt((pBar * (1 - pBar)) / spikeUnits(mi))
		)
		.map(fmtYm);
	const spikeFirst = months.find((mi) => fmtYm(mi) === SPIKE.months[0])!;
	const spike = [];
	for (let mi = spikeFirst - 3; mi < spikeFirst + SPIKE.months.length + 3; mi++)
		spike.push({ month: fmtYm(mi), count: spikeCounts[mi], spike: SPIKE.months.includes(fmtYm(mi)) });
	const around = spike.filter((s) => !s.spike);

	// Repeat repairs: the same serial again within 30 / 90 days of its previous repair.
	const previous = new Map<Repair, Repair>();
	const lastBySerial = new Map<string, Repair>();
	for (const r of repairs) {
		const p = lastBySerial.get(r.serial);
		if (p) previous.set(r, p);
		lastBySerial.set(r.serial, r);
	}
	const within = (r: Repair, days: number) => {
		const p = previous.get(r);
		return p !== undefined && r.received - p.received <= days * MIN_PER_DAY;
	};
	const share30 = (list: Repair[]) => count(list, (r) => within(r, 30)) / list.length;
	const weakRepair = (r: Repair) => r.centre.supplier === WEAK_SUPPLIER;
	const done = repairs.filter((r) => r.completed !== null);

	const escalation = escalationSummary(complaints);
	const weak = escalation.get(WEAK_SUPPLIER)!;
	const cells = (min: number, max: number) =>
		[...weak.cells]
			.filter(([, c]) => c >= min && c <= max)
			.map(([k, c]) => `${k} ×${c}`)
			.sort();
	const others = [...escalation].filter(([s]) => s !== WEAK_SUPPLIER).map(([, s]) => s);
	const supplierOf = new Map(repairs.map((r) => [r.id, r.centre.supplier]));
	const year = (t: number) => parts(t).y;

	return {
		files,
		units: sales.reduce((a, s) => a + s.units, 0),
		revenue: sales.reduce((a, s) => a + s.units * s.price, 0),
		repairsByYear,
		warrantyRate: [pct(Math.min(...warrantyRates)), pct(Math.max(...warrantyRates))],
		allRate: [pct(Math.min(...allRates)), pct(Math.max(...allRates))],
		within4Days: pct(count(done, (r) => r.completed! - r.received <= 4 * MIN_PER_DAY) / done.length),
		open: repairs.length - done.length,
		repeat30: count(repairs, (r) => within(r, 30)),
		repeat90: count(repairs, (r) => within(r, 90)),
		weakRepeat30: pct(share30(repairs.filter(weakRepair))),
		otherRepeat30: pct(share30(repairs.filter((r) => !weakRepair(r)))),
		spike,
		spikeNormal: mean(around.map((s) => s.count)),
		spikeFlagged: flagged,
		weak: { total: weak.total, byYear: weak.byYear, overThree: cells(4, Infinity), overTwo: cells(3, 3) },
		othersMaxTotal: Math.max(...others.map((s) => s.total)),
		othersMaxCell: Math.max(...others.flatMap((s) => [...s.cells.values()])),
		serviceComplaints: count(complaints, (c) => c.supplier !== null),
		response4h: byYear(
			complaints,
			(c) => year(c.received),
			(l) =>
				count(l, (c) => c.firstResponse !== null && c.firstResponse - c.received <= 4 * MIN_PER_HOUR) /
				l.length
		),
		resolved48h: byYear(
			complaints,
			(c) => year(c.received),
			(l) => count(l, (c) => c.resolved !== null && c.resolved - c.received <= 48 * MIN_PER_HOUR) / l.length
		),
		openComplaints: count(complaints, (c) => c.resolved === null),
		counter10: pct(
			count(returns, (r) => r.counterDone !== null && r.counterDone - r.requested <= 10) / returns.length
		),
		inspect30: pct(
			count(returns, (r) => r.inspected !== null && r.inspected - r.requested <= 30) /
				count(returns, (r) => r.inspected !== null)
		),
		returnTypes: Object.fromEntries(
			['退货', '换货', '退款'].map((t) => [t, count(returns, (r) => r.type === t)])
		),
		csatWeak: mean(surveys.filter((s) => supplierOf.get(s.relatedId) === WEAK_SUPPLIER).map((s) => s.csat)),
		csatOthers: mean(surveys.filter((s) => supplierOf.get(s.relatedId) !== WEAK_SUPPLIER).map((s) => s.csat)),
		badRows: {
			problems: d.bad.problems,
			lines: d.bad.lines,
			rows: d.bad.lines - 2, // all lines but the header and the blank one; includes the 合计 row
			accepted: d.bad.lines - 3 - d.bad.problems.length,
			rejected: d.bad.problems.length,
			skipped: 1,
			cnValid: d.bad.cnValid,
			blankLine: d.bad.blankLine
		}
	};
}

export type Facts = ReturnType<typeof computeFacts>;

/** The generator refuses to write a README whose signals the data do not show. */
export function checkSignals(f: Facts): string[] {
	const failures: string[] = [];
	for (const m of SPIKE.months)
		if (!f.spikeFlagged.includes(m)) failures.push(`spike month ${m} not above the p-chart UCL`);
	if (Math.min(...f.spike.filter((s) => s.spike).map((s) => s.count)) < 3 * f.spikeNormal)
		failures.push('spike below 3× normal');
	if (Object.values(f.weak.byYear).some((c) => c <= 25))
		failures.push(`${WEAK_SUPPLIER} has a year with ≤ 25 complaints`);
	if (f.weak.overThree.length < 3) failures.push(`${WEAK_SUPPLIER} has fewer than 3 final-warning months`);
	if (f.othersMaxCell > 2 || f.othersMaxTotal > 25)
		failures.push('another partner reaches an escalation level');
	return failures;
}
