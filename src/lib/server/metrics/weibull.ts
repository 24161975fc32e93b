/**
 * Two-parameter Weibull life analysis with right censoring: maximum-likelihood fit, B-lives and
 * conditional forecasts. Pure maths (no database), times in any unit (the metrics use days).
 *
 * Log-likelihood of failures t_f and suspension groups (t_s, weight w_s = units still running at t_s):
 *   ℓ(β, η) = Σ_f [ln β − β ln η + (β−1) ln t_f − (t_f/η)^β] − Σ_s w_s (t_s/η)^β
 * (failures may come grouped: w_f failures at age t_f count w_f times). For a fixed β the best η is
 * η̂(β) = (Σ_all w t^β / r)^(1/β), r = number of failures; putting it back leaves the profile score
 * in β alone,
 *   g(β) = Σ w t^β ln t / Σ w t^β − 1/β − Σ_f ln t_f / r = 0,
 * which increases with β (g' = weighted variance of ln t + 1/β²), so it has at most one root. It is
 * solved by Newton's method kept inside a bracket [lo, hi] with g(lo) < 0 < g(hi) (bisection when a
 * Newton step leaves the bracket).
 */

/** w units with the same time t: failures at age t, or units still running at age t (censored). */
export interface TimeGroup {
	/** Age (> 0). */
	t: number;
	/** Units (≥ 0; need not be an integer). */
	w: number;
}

interface WeibullFit {
	/** Shape β (> 1: wear-out, < 1: infant mortality); NaN when there is no finite estimate. */
	beta: number;
	/** Scale η (characteristic life, 63.2 % failed), in the unit of the input times; NaN likewise. */
	eta: number;
	logLikelihood: number;
	iterations: number;
	converged: boolean;
	/** Why the fit has no estimate (converged = false). */
	message?: string;
}

const MAX_ITERATIONS = 200;
const BETA_MIN = 1e-6;
const BETA_MAX = 1e3;
const TOLERANCE = 1e-12;

/** Identical times counted once with their number of units. */
export function groupTimes(times: readonly number[]): TimeGroup[] {
	const counts = new Map<number, number>();
	for (const t of times) counts.set(t, (counts.get(t) ?? 0) + 1);
	return [...counts].map(([t, w]) => ({ t, w }));
}

/** All times scaled by the largest (so u^β never overflows) and kept as logs with their weights. */
interface Scaled {
	ref: number;
	/** ln(t / ref) and weight of every group, failures and suspensions together. */
	logs: Float64Array;
	weights: Float64Array;
	/** r, the number of failures, and the mean of ln(t_f / ref) over them. */
	failures: number;
	meanLogFailure: number;
}

function checkGroups(groups: readonly TimeGroup[], what: string): TimeGroup[] {
	for (const { t, w } of groups) {
		if (!Number.isFinite(t) || t <= 0) throw new RangeError(`${what} time must be > 0, got ${t}`);
		if (!Number.isFinite(w) || w < 0) throw new RangeError(`${what} weight must be ≥ 0, got ${w}`);
	}
	return groups.filter((g) => g.w > 0);
}

function scale(failures: readonly TimeGroup[], suspensions: readonly TimeGroup[]): Scaled {
	const all = [...failures, ...suspensions];
	const ref = all.reduce((max, g) => Math.max(max, g.t), 0);
	const logs = Float64Array.from(all, (g) => Math.log(g.t / ref));
	const weights = Float64Array.from(all, (g) => g.w);
	let r = 0;
	let sumLog = 0;
	failures.forEach((g, i) => {
		r += g.w;
		sumLog += g.w * logs[i];
	});
	return { ref, logs, weights, failures: r, meanLogFailure: sumLog / r };
}

/** Σ w u^β, the profile score g(β) and its derivative g'(β). */
function profile(s: Scaled, beta: number): { sum: number; g: number; dg: number } {
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	for (let i = 0; i < s.logs.length; i++) {
		const l = s.logs[i];
		const a = s.weights[i] * Math.exp(beta * l);
		s0 += a;
		s1 += a * l;
		s2 += a * l * l;
	}
	const mean = s1 / s0;
	return {
		sum: s0,
		g: mean - 1 / beta - s.meanLogFailure,
		dg: Math.max(0, s2 / s0 - mean * mean) + 1 / (beta * beta)
	};
}

/** The censored log-likelihood ℓ(β, η) above, failures grouped (w failures at age t). */
export function weibullLogLikelihood(
	failures: readonly TimeGroup[],
	suspensions: readonly TimeGroup[],
	beta: number,
	eta: number
): number {
	let ll = 0;
	for (const { t, w } of failures) {
		if (w > 0)
			ll += w * (Math.log(beta) - beta * Math.log(eta) + (beta - 1) * Math.log(t) - (t / eta) ** beta);
	}
	for (const { t, w } of suspensions) if (w > 0) ll -= w * (t / eta) ** beta;
	return ll;
}

const noFit = (iterations: number, message: string): WeibullFit => ({
	beta: NaN,
	eta: NaN,
	logLikelihood: NaN,
	iterations,
	converged: false,
	message
});

/**
 * Maximum-likelihood β and η from exact failure times and weighted right-censored times. Returns
 * converged = false (NaN estimates) without failures, or when the likelihood has no finite maximum
 * (every failure at the same age and no unit running longer).
 */
export function fitWeibull(failures: readonly number[], suspensions: readonly TimeGroup[] = []): WeibullFit {
	for (const t of failures) {
		if (!Number.isFinite(t) || t <= 0) throw new RangeError(`failure time must be > 0, got ${t}`);
	}
	return fitWeibullGrouped(groupTimes(failures), suspensions);
}

/** fitWeibull with failures grouped by age (w failures at age t), for large samples. */
export function fitWeibullGrouped(
	failureGroups: readonly TimeGroup[],
	suspensionGroups: readonly TimeGroup[] = []
): WeibullFit {
	const failures = checkGroups(failureGroups, 'failure');
	const suspensions = checkGroups(suspensionGroups, 'suspension');
	if (failures.length === 0) return noFit(0, 'no failures');
	const s = scale(failures, suspensions);
	// Bracket the root: g(0+) = −∞ and g(∞) = ln t_max − mean ln t_f, > 0 unless the times are degenerate.
	let lo = 1;
	let hi = 1;
	let iterations = 0;
	while (profile(s, lo).g > 0) {
		if (lo <= BETA_MIN) return noFit(iterations, `no root of the score above β = ${BETA_MIN}`);
		hi = lo;
		lo /= 4;
		iterations++;
	}
	while (profile(s, hi).g < 0) {
		if (hi >= BETA_MAX) return noFit(iterations, 'no finite estimate: the shape grows without bound');
		lo = hi;
		hi *= 4;
		iterations++;
	}
	let beta = (lo + hi) / 2;
	let converged = false;
	while (!converged && iterations < MAX_ITERATIONS) {
		iterations++;
		const { g, dg } = profile(s, beta);
		if (g === 0) break;
		if (g < 0) lo = beta;
		else hi = beta;
		let next = beta - g / dg;
		if (!(next > lo && next < hi)) next = (lo + hi) / 2;
		converged = Math.abs(next - beta) <= TOLERANCE * next || hi - lo <= TOLERANCE * next;
		beta = next;
	}
	if (!converged && iterations >= MAX_ITERATIONS) return noFit(iterations, 'the iteration did not converge');
	const eta = s.ref * (profile(s, beta).sum / s.failures) ** (1 / beta);
	return {
		beta,
		eta,
		logLikelihood: weibullLogLikelihood(failures, suspensions, beta, eta),
		iterations,
		converged: true
	};
}

/**
 * The data as seen through an observation limit (e.g. the warranty period): failures after the
 * limit become units running at the limit, and no unit is followed beyond it.
 */
export function censorAt(
	failures: readonly TimeGroup[],
	suspensions: readonly TimeGroup[],
	limit: number
): { failures: TimeGroup[]; suspensions: TimeGroup[] } {
	const late = failures.filter((g) => g.t > limit).reduce((sum, g) => sum + g.w, 0);
	const capped = suspensions.map((g) => ({ t: Math.min(g.t, limit), w: g.w }));
	return {
		failures: failures.filter((g) => g.t <= limit),
		suspensions: late > 0 ? [...capped, { t: limit, w: late }] : capped
	};
}

/** F(t) = 1 − exp(−(t/η)^β), the share failed by age t. */
export function weibullCdf(t: number, beta: number, eta: number): number {
	return t <= 0 ? 0 : -Math.expm1(-((t / eta) ** beta));
}

/** Age by which a share p of the units has failed: η(−ln(1 − p))^(1/β); B10 is p = 0.1. */
export function bLife(p: number, beta: number, eta: number): number {
	return eta * (-Math.log1p(-p)) ** (1 / beta);
}

/**
 * Expected failures among surviving units over the next `horizon` (same unit as the times): each
 * group of w units that has survived to age t contributes w·[F(t+h) − F(t)] / [1 − F(t)]
 * = w·(1 − exp((t/η)^β − ((t+h)/η)^β)).
 */
export function expectedFailures(
	survivors: readonly TimeGroup[],
	beta: number,
	eta: number,
	horizon: number
): number {
	let total = 0;
	for (const { t, w } of survivors) {
		if (w > 0) total += -w * Math.expm1((t / eta) ** beta - ((t + horizon) / eta) ** beta);
	}
	return total;
}
