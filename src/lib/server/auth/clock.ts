/**
 * Time for sessions, tokens and the login limiter: milliseconds since the epoch from an injectable
 * clock, so tests can move time on. The tables keep UTC TIMESTAMPs; these fragments convert.
 */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** SQL for a TIMESTAMP (UTC) from a bound millisecond parameter such as `$2`. */
export const atMs = (param: string) => `make_timestamp(CAST(${param} AS BIGINT) * 1000)`;

/** SQL for a TIMESTAMP column as milliseconds since the epoch (its UTC reading). */
export const msOf = (column: string) => `epoch_ms(${column})`;
