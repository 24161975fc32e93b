import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal';
import { DIAGNOSTIC_MIN_MONTHS, pChartDiagnostic } from './p-chart-diagnostic';

const N = 10_000;
const limit = (m: number) => Math.exp(1.6448536269514722 * Math.sqrt(1.6297 / m));

/**
 * m months of N units whose transformed values arcsin √((d + 3/8)/(N + 3/4)) lie exactly on the
 * normal scores times `spread` around arcsin √0.01: the normal-scores line then has slope
 * 1/spread, so the observed variation is `spread`. Repairs are fractional to hit that exactly.
 */
function onNormalScores(m: number, spread: number) {
	return Array.from({ length: m }, (_, i) => {
		const x = Math.asin(0.1) + spread * normalQuantile((i + 1 - 3 / 8) / (m + 1 / 4));
		return { repairs: Math.sin(x) ** 2 * (N + 3 / 4) - 3 / 8, units_in_warranty: N };
	});
}

describe('pChartDiagnostic', () => {
	const expected = 1 / (2 * Math.sqrt(N));

	it('gives observed ÷ expected variation and the 95% upper limit exp(1.645·√(1.6297/m))', () => {
		const twice = pChartDiagnostic(onNormalScores(12, 2 * expected), 0.01)!;
		expect(twice.ratio).toBeCloseTo(2, 10);
		expect(twice.limit).toBeCloseTo(limit(12), 12);
		expect(twice.limit).toBeCloseTo(1.8334, 4);
		expect(twice.ratio).toBeGreaterThan(twice.limit);
		const binomial = pChartDiagnostic(onNormalScores(36, expected), 0.01)!;
		expect(binomial.ratio).toBeCloseTo(1, 10);
		expect(binomial.limit).toBeCloseTo(1.419, 4);
	});

	it('reads the slope on the middle 50% only: one wild month does not change it', () => {
		const months = onNormalScores(12, expected);
		const wild = { ...months[11], repairs: months[11].repairs * 3 };
		expect(pChartDiagnostic([...months.slice(0, 11), wild], 0.01)!.ratio).toBeCloseTo(1, 10);
	});

	it('scales months with fewer units to the average before judging the spread', () => {
		// Month 0 has a quarter of the units: its deviation in X is halved (√(n_i/n̄) with n̄ = N).
		const months = onNormalScores(12, expected);
		const base = Math.asin(Math.sqrt((0.01 * N + 3 / 8) / (N + 3 / 4)));
		const units = [N / 4, ...Array<number>(10).fill(N), (7 * N) / 4];
		const scaled = months.map((m, i) => {
			const x = Math.asin(Math.sqrt((m.repairs + 3 / 8) / (N + 3 / 4)));
			const wider = base + (x - base) * Math.sqrt(N / units[i]);
			return { repairs: Math.sin(wider) ** 2 * (units[i] + 3 / 4) - 3 / 8, units_in_warranty: units[i] };
		});
		expect(pChartDiagnostic(scaled, 0.01)!.ratio).toBeCloseTo(1, 10);
	});

	it('gives no diagnostic with too few months, no spread or no repairs', () => {
		expect(pChartDiagnostic(onNormalScores(DIAGNOSTIC_MIN_MONTHS - 1, expected), 0.01)).toBeNull();
		expect(pChartDiagnostic(onNormalScores(DIAGNOSTIC_MIN_MONTHS, expected), 0.01)).not.toBeNull();
		const flat = Array.from({ length: 12 }, () => ({ repairs: 100, units_in_warranty: N }));
		expect(pChartDiagnostic(flat, 0.01)).toBeNull();
		expect(pChartDiagnostic(flat, 0)).toBeNull();
	});
});
