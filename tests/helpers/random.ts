/**
 * Seeded pseudo-random numbers (mulberry32): one seed gives the same sequence on every run, so the
 * generated data, the simulated samples and the bench's requests are the same each time.
 */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		let t = (state = (state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
