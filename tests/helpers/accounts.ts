/** What the account tests share: the operator, a client, a valid password and a clock moved by hand. */

export const CLI = { name: 'cli', origin: 'cli' };
export const CLIENT = { address: '10.0.0.7', userAgent: 'test' };
export const PASSWORD = 'correct horse battery';

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 5, 9)) {
	let now = start;
	const clock = () => now;
	return Object.assign(clock, { advance: (ms: number) => (now += ms) });
}
