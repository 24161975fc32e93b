import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../tests/helpers/random';
import {
	bLife,
	censorAt,
	expectedFailures,
	fitWeibull,
	fitWeibullGrouped,
	groupTimes,
	weibullCdf,
	weibullLogLikelihood,
	type TimeGroup
} from './weibull';

/**
 * The independent reference: the censored log-likelihood written out term by term and maximised
 * over (ln β, ln η) by search alone — a grid in ln β (0.05 … 50) where each point takes its best
 * ln η by golden-section search over a wide range, then golden-section refinement in ln β between
 * the grid neighbours of the best point. No closed-form η̂(β), no score equation, no Newton step.
 * (A plain 2-D grid can pick the wrong cell when β is large and the ridge in (β, η) is narrow.)
 */
function logLik(failures: number[], suspensions: TimeGroup[], beta: number, eta: number): number {
	let ll = 0;
	for (const t of failures) {
		const z = t / eta;
		ll += Math.log(beta / eta) + (beta - 1) * Math.log(z) - Math.pow(z, beta);
	}
	for (const { t, w } of suspensions) ll -= w * Math.pow(t / eta, beta);
	return ll;
}

const PHI = (Math.sqrt(5) - 1) / 2;

/** Argument of the maximum of a unimodal f on [a, b]. */
function goldenMax(f: (x: number) => number, a: number, b: number, tol = 1e-11): number {
	let c = b - PHI * (b - a);
	let d = a + PHI * (b - a);
	let fc = f(c);
	let fd = f(d);
	while (b - a > tol) {
		if (fc > fd) {
			b = d;
			d = c;
			fd = fc;
			c = b - PHI * (b - a);
			fc = f(c);
		} else {
			a = c;
			c = d;
			fc = fd;
			d = a + PHI * (b - a);
			fd = f(d);
		}
	}
	return (a + b) / 2;
}

function referenceFit(failures: number[], suspensions: TimeGroup[] = []): { beta: number; eta: number } {
	const times = [...failures, ...suspensions.map((s) => s.t)];
	const [lbLo, lbHi] = [Math.log(0.05), Math.log(50)];
	const leLo = Math.log(Math.min(...times)) - 2;
	const leHi = Math.log(Math.max(...times)) + 12;
	const ll = (lb: number, le: number) => logLik(failures, suspensions, Math.exp(lb), Math.exp(le));
	// For a given β, the best η (ℓ is unimodal in ln η at fixed β).
	const bestLogEta = (lb: number) => goldenMax((le) => ll(lb, le), leLo, leHi);
	const N = 80;
	const step = (lbHi - lbLo) / N;
	let best = { i: 0, value: -Infinity };
	for (let i = 0; i <= N; i++) {
		const lb = lbLo + step * i;
		const value = ll(lb, bestLogEta(lb));
		if (value > best.value) best = { i, value };
	}
	const lb = goldenMax(
		(b) => ll(b, bestLogEta(b)),
		lbLo + step * Math.max(0, best.i - 1),
		lbLo + step * Math.min(N, best.i + 1)
	);
	return { beta: Math.exp(lb), eta: Math.exp(bestLogEta(lb)) };
}

/** n units with Weibull(β, η) lives, each observed until a uniform(0, censorMax) time. */
function simulate(seed: number, n: number, beta: number, eta: number, censorMax: number) {
	const rand = mulberry32(seed);
	const failures: number[] = [];
	const suspensions: TimeGroup[] = [];
	for (let i = 0; i < n; i++) {
		const life = eta * Math.pow(-Math.log(1 - rand()), 1 / beta);
		const censor = censorMax * (1 - rand());
		if (life <= censor) failures.push(life);
		else suspensions.push({ t: censor, w: 1 });
	}
	return { failures, suspensions };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function expectMatchesReference(failures: number[], suspensions: TimeGroup[] = []) {
	const fit = fitWeibull(failures, suspensions);
	const ref = referenceFit(failures, suspensions);
	expect(fit.converged).toBe(true);
	expect(rel(fit.beta, ref.beta)).toBeLessThan(1e-3);
	expect(rel(fit.eta, ref.eta)).toBeLessThan(1e-3);
	// The fit is the maximum: the reference point is never better.
	expect(fit.logLikelihood).toBeGreaterThanOrEqual(logLik(failures, suspensions, ref.beta, ref.eta) - 1e-9);
	expect(fit.logLikelihood).toBeCloseTo(logLik(failures, suspensions, fit.beta, fit.eta), 8);
	return fit;
}

describe('fitWeibull against an independent grid + golden-section maximisation', () => {
	it('(a) complete data', () => {
		const fit = expectMatchesReference([45, 120, 160, 230, 290, 350, 410, 520, 610, 800]);
		expect(fit.beta).toBeGreaterThan(1);
	});

	it('(b) heavily censored data with unit weights per suspension age', () => {
		// 9 failures among ~4,000 units (99.8 % censored); one failure on the purchase day (0.5 day).
		const failures = [0.5, 12, 35, 60, 61, 90, 140, 200, 260];
		const suspensions = [
			{ t: 30, w: 400 },
			{ t: 90, w: 650 },
			{ t: 180, w: 900 },
			{ t: 270, w: 1200 },
			{ t: 365, w: 800 }
		];
		const fit = expectMatchesReference(failures, suspensions);
		// Few failures and most units young: a scale far beyond the data.
		expect(fit.eta).toBeGreaterThan(10 * 365);
	});

	it('(c) a simulated Weibull sample: matches the reference and recovers β and η', () => {
		const { failures, suspensions } = simulate(20240617, 2000, 1.6, 500, 900);
		expect(failures.length).toBeGreaterThan(800);
		const fit = expectMatchesReference(failures, suspensions);
		expect(rel(fit.beta, 1.6)).toBeLessThan(0.06);
		expect(rel(fit.eta, 500)).toBeLessThan(0.06);
	});

	it('recovers a decreasing hazard (β < 1) and a steep wear-out (β ≫ 1)', () => {
		const early = simulate(7, 1500, 0.6, 300, 2000);
		const fitEarly = expectMatchesReference(early.failures, early.suspensions);
		expect(rel(fitEarly.beta, 0.6)).toBeLessThan(0.08);
		const steep = simulate(11, 800, 8, 1000, 1200);
		const fitSteep = expectMatchesReference(steep.failures, steep.suspensions);
		expect(rel(fitSteep.beta, 8)).toBeLessThan(0.1);
		expect(rel(fitSteep.eta, 1000)).toBeLessThan(0.02);
	});
});

describe('fitWeibull properties', () => {
	const failures = [3, 17, 17, 40, 55, 55, 55, 90];
	const suspensions = [
		{ t: 20, w: 30 },
		{ t: 60, w: 45 },
		{ t: 100, w: 12 }
	];

	it('solves the score equations: ∂ℓ/∂β = ∂ℓ/∂η = 0 at the estimate', () => {
		const { beta, eta } = fitWeibull(failures, suspensions);
		const groups = groupTimes(failures);
		const ll = (b: number, e: number) => weibullLogLikelihood(groups, suspensions, b, e);
		const h = 1e-6;
		expect((ll(beta * (1 + h), eta) - ll(beta * (1 - h), eta)) / (2 * h)).toBeCloseTo(0, 5);
		expect((ll(beta, eta * (1 + h)) - ll(beta, eta * (1 - h))) / (2 * h)).toBeCloseTo(0, 5);
	});

	it('gives the same fit for grouped and ungrouped data', () => {
		const ungrouped = fitWeibull(failures, [
			...Array.from({ length: 30 }, () => ({ t: 20, w: 1 })),
			...Array.from({ length: 45 }, () => ({ t: 60, w: 1 })),
			...Array.from({ length: 12 }, () => ({ t: 100, w: 1 }))
		]);
		const grouped = fitWeibullGrouped(groupTimes(failures), suspensions);
		expect(grouped.beta).toBeCloseTo(ungrouped.beta, 10);
		expect(grouped.eta).toBeCloseTo(ungrouped.eta, 8);
		expect(groupTimes(failures)).toContainEqual({ t: 55, w: 3 });
	});

	it('scales with the time unit: β unchanged, η multiplied', () => {
		const days = fitWeibull(failures, suspensions);
		const hours = fitWeibull(
			failures.map((t) => t * 24),
			suspensions.map((s) => ({ t: s.t * 24, w: s.w }))
		);
		expect(hours.beta).toBeCloseTo(days.beta, 10);
		expect(rel(hours.eta, days.eta * 24)).toBeLessThan(1e-12);
	});

	it('ignores zero-weight suspensions and reports no estimate for degenerate data', () => {
		expect(fitWeibull(failures, [...suspensions, { t: 5000, w: 0 }]).beta).toBeCloseTo(
			fitWeibull(failures, suspensions).beta,
			12
		);
		const none = fitWeibull([], suspensions);
		expect(none).toMatchObject({ converged: false, message: 'no failures' });
		expect(none.beta).toBeNaN();
		// Every failure at the same age and nobody older: the likelihood grows without bound in β.
		const equal = fitWeibull([10, 10, 10], [{ t: 5, w: 100 }]);
		expect(equal.converged).toBe(false);
		expect(equal.eta).toBeNaN();
	});

	it('rejects times that are not positive and negative weights', () => {
		expect(() => fitWeibull([0, 5])).toThrow(RangeError);
		expect(() => fitWeibull([3, Number.NaN])).toThrow(RangeError);
		expect(() => fitWeibull([3, 5], [{ t: -1, w: 2 }])).toThrow(RangeError);
		expect(() => fitWeibull([3, 5], [{ t: 4, w: -2 }])).toThrow(RangeError);
	});
});

describe('life figures', () => {
	it('B10 is the age with 10 % failed', () => {
		const b10 = bLife(0.1, 1.7, 2000);
		expect(b10).toBeCloseTo(2000 * Math.pow(-Math.log(0.9), 1 / 1.7), 9);
		expect(weibullCdf(b10, 1.7, 2000)).toBeCloseTo(0.1, 12);
		expect(bLife(0.632120558828558, 2.5, 800)).toBeCloseTo(800, 9);
		expect(weibullCdf(0, 2, 10)).toBe(0);
	});

	it('forecasts Σ w [F(t+h) − F(t)] / [1 − F(t)] over the surviving units', () => {
		const survivors = [
			{ t: 100, w: 500 },
			{ t: 400, w: 300 },
			{ t: 900, w: 0 }
		];
		const [beta, eta, h] = [1.4, 3000, 91.3125];
		const F = (t: number) => 1 - Math.exp(-Math.pow(t / eta, beta));
		const direct =
			(500 * (F(100 + h) - F(100))) / (1 - F(100)) + (300 * (F(400 + h) - F(400))) / (1 - F(400));
		expect(expectedFailures(survivors, beta, eta, h)).toBeCloseTo(direct, 10);
		// β = 1 has no memory: w(1 − e^(−h/η)) whatever the age.
		expect(expectedFailures(survivors, 1, eta, h)).toBeCloseTo(800 * (1 - Math.exp(-h / eta)), 10);
		expect(expectedFailures([], beta, eta, h)).toBe(0);
	});

	it('censorAt turns later failures and older units into units running at the limit', () => {
		const out = censorAt(
			[
				{ t: 100, w: 2 },
				{ t: 365.25, w: 1 },
				{ t: 400, w: 3 }
			],
			[
				{ t: 200, w: 10 },
				{ t: 700, w: 20 }
			],
			365.25
		);
		expect(out.failures).toEqual([
			{ t: 100, w: 2 },
			{ t: 365.25, w: 1 }
		]);
		expect(out.suspensions).toEqual([
			{ t: 200, w: 10 },
			{ t: 365.25, w: 20 },
			{ t: 365.25, w: 3 }
		]);
	});
});
