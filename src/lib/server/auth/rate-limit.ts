import { systemClock, type Clock } from './clock';

/**
 * Failed logins counted per key ('account:NAME', 'address:IP') over a sliding window: after `max`
 * failures within `windowMs` the key is refused until the oldest of them leaves the window. Kept in
 * memory: a restart forgets, which costs an attacker a restart they cannot cause.
 */
export class LoginLimiter {
	private readonly failures = new Map<string, number[]>();

	constructor(
		readonly max = 5,
		readonly windowMs = 15 * 60_000,
		private readonly clock: Clock = systemClock
	) {}

	/** Seconds until every key may try again; 0 when none is refused. */
	retryAfter(keys: readonly string[]): number {
		const now = this.clock();
		let wait = 0;
		for (const key of keys) {
			const recent = this.recent(key, now);
			if (recent.length >= this.max)
				wait = Math.max(wait, recent[recent.length - this.max] + this.windowMs - now);
		}
		return Math.ceil(wait / 1000);
	}

	fail(keys: readonly string[]): void {
		const now = this.clock();
		for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
	}

	/** A successful login forgets the account's failures (not the address's: one good account must not reset it). */
	clear(key: string): void {
		this.failures.delete(key);
	}

	private recent(key: string, now: number): number[] {
		const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
		if (kept.length) this.failures.set(key, kept);
		else this.failures.delete(key);
		return kept;
	}
}

export const loginKeys = (name: string, address: string | null): string[] => [
	`account:${name.toLowerCase()}`,
	`address:${address ?? 'unknown'}`
];

/** The server's limiter. */
export const loginLimiter = new LoginLimiter();
