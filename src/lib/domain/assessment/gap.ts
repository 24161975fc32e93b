import { leaves, type Catalogue } from './catalogue';
import type { ItemMetric } from './metric';
import {
	LEVEL_THRESHOLDS,
	MAX_DEDUCTIONS,
	round9,
	score,
	type AssessmentInput,
	type ItemStatus,
	type Level
} from './scoring';

/**
 * Gap to the next level (pure).
 *
 * Target: the level just above the current one (not-rated → compliant → three-star → four-star →
 * five-star). Candidates: every applicable leaf that does not earn all its points — nonconform,
 * sampled with non-conforming samples, and not-assessed leaves. Making a candidate conform raises the
 * earned points by (points − earned) and leaves the applicable points unchanged (a not-assessed leaf
 * already counts as applicable), so each candidate brings a fixed, independent
 * gain = (points − earned) ÷ applicable × 100 score points, and the gains of a set simply add up.
 *
 * Choice: the fewest leaves first — the k largest gains reach the target with the smallest possible k —
 * then, among all sets of k leaves that reach it, the one whose total gain is smallest (the least work
 * beyond what is needed; ties keep the larger gains). That second step is a branch-and-bound search
 * over the gains sorted largest first (bounds from prefix/suffix sums, equal gains explored once), with
 * a budget of SEARCH_BUDGET nodes; past it the best set found so far is kept — it always reaches the
 * target, since the search starts from the k largest. The chosen leaves are listed largest gain first.
 *
 * Unreachable: with five or more special deductions no score rates (`blocked: 'deductions'`); when
 * even every candidate conforming leaves the score short, the deductions are what stands in the way if
 * there are any (`'deductions'`), else there is nothing left to gain (`'points'`, e.g. every leaf
 * excluded). At five-star there is no next level: `target` is null and `items` is empty.
 */

export interface GapItem {
	id: string;
	status: ItemStatus | 'not-assessed';
	/** The leaf's catalogue points and what it earns now. */
	points: number;
	earned: number;
	/** Score points it brings when it conforms. */
	gain: number;
}

export interface GapResult {
	current: Level;
	score: number;
	/** The next level up; null at five-star. */
	target: Exclude<Level, 'not-rated'> | null;
	/** Minimum score of `target`. */
	targetScore: number | null;
	/** Score points missing to reach `targetScore` (0 at five-star). */
	needed: number;
	reachable: boolean;
	blocked: null | 'deductions' | 'points';
	/** The leaves to make conform, largest gain first (empty when unreachable or at five-star). */
	items: GapItem[];
	/** Score and level once `items` conform (null when unreachable or at five-star). */
	scoreAfter: number | null;
	levelAfter: Level | null;
}

/** Nodes the branch-and-bound search may visit before it settles for the best set found. */
const SEARCH_BUDGET = 200_000;

const EPS = 1e-9;

export function gapToNextLevel(catalogue: Catalogue, input: AssessmentInput): GapResult {
	const now = score(catalogue, input);
	const ascending = [...LEVEL_THRESHOLDS].reverse();
	const rank = ascending.findIndex((t) => t.level === now.level);
	const next = ascending[rank + 1];
	const result: GapResult = {
		current: now.level,
		score: now.score,
		target: next?.level ?? null,
		targetScore: next?.min ?? null,
		needed: 0,
		reachable: !next,
		blocked: null,
		items: [],
		scoreAfter: null,
		levelAfter: null
	};
	if (!next) return result;
	const raw = now.base - now.deductions + now.merit;
	result.needed = Math.max(0, round9(next.min - raw));
	if (now.deductions >= MAX_DEDUCTIONS) return { ...result, blocked: 'deductions' };

	const candidates: GapItem[] = leaves(catalogue)
		.map((leaf) => ({ id: leaf.id, ...now.perItem[leaf.id] }))
		.filter((c) => c.applicable > 0 && c.earned < c.points - EPS)
		.map((c) => ({
			id: c.id,
			status: c.status,
			points: c.points,
			earned: c.earned,
			gain: round9(((c.points - c.earned) / now.applicable) * 100)
		}))
		.sort((a, b) => b.gain - a.gain);
	const gains = candidates.map((c) => c.gain);
	const picked = choose(gains, result.needed);
	if (!picked) return { ...result, blocked: now.deductions > 0 ? 'deductions' : 'points' };

	const items = picked.map((i) => candidates[i]);
	const after = score(catalogue, {
		...input,
		items: { ...input.items, ...Object.fromEntries(items.map((c) => [c.id, { status: 'conform' as const }])) }
	});
	return { ...result, reachable: true, items, scoreAfter: after.score, levelAfter: after.level };
}

/**
 * Indices (into `gains`, sorted descending) of the fewest gains reaching `needed`, with the smallest
 * total among sets of that size; null when all of them together fall short.
 */
function choose(gains: number[], needed: number): number[] | null {
	const n = gains.length;
	const prefix = [0];
	for (const g of gains) prefix.push(prefix[prefix.length - 1] + g);
	if (prefix[n] < needed - EPS) return null;
	let k = 0;
	while (prefix[k] < needed - EPS) k++;
	let best = Array.from({ length: k }, (_, i) => i);
	let bestSum = prefix[k];
	let budget = SEARCH_BUDGET;
	const chosen: number[] = [];
	const search = (from: number, sum: number): void => {
		const left = k - chosen.length;
		if (left === 0) {
			if (sum >= needed - EPS && sum < bestSum - EPS) {
				best = [...chosen];
				bestSum = sum;
			}
			return;
		}
		// Even the `left` smallest gains would not beat the best set found.
		if (sum + prefix[n] - prefix[n - left] >= bestSum - EPS) return;
		for (let j = from; j <= n - left && budget > 0; j++) {
			if (j > from && gains[j] === gains[j - 1]) continue;
			budget--;
			// The largest sum possible with j first: gains j … j+left−1 (only shrinks as j grows).
			if (sum + prefix[j + left] - prefix[j] < needed - EPS) return;
			// The smallest with j: gains[j] and the last left−1 gains; a smaller gains[j] may still do.
			if (sum + gains[j] + prefix[n] - prefix[n - left + 1] >= bestSum - EPS) continue;
			chosen.push(j);
			search(j + 1, sum + gains[j]);
			chosen.pop();
		}
	};
	search(0, 0);
	return best;
}

/**
 * The status a metric's value proposes for its leaf: `min` conforms when value ≥ threshold, `max` when
 * value ≤ threshold (compared after rounding to 1e-9, so 0.3 + 0.6 meets 0.9). Null when there is no
 * value (no data in the period): the assessor decides.
 */
export function proposeStatus(
	metricValue: number | null | undefined,
	metric: Pick<ItemMetric, 'threshold' | 'direction'>
): 'conform' | 'nonconform' | null {
	if (metricValue === null || metricValue === undefined || !Number.isFinite(metricValue)) return null;
	const value = round9(metricValue);
	const threshold = round9(metric.threshold);
	const ok = metric.direction === 'min' ? value >= threshold : value <= threshold;
	return ok ? 'conform' : 'nonconform';
}
