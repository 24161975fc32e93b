import { AsyncLocalStorage } from 'node:async_hooks';

const origins = new AsyncLocalStorage<string | null>();

/**
 * Runs fn as work coming from `origin` (a client's address, or 'cli'): every audit entry it writes
 * without an origin of its own records this one, so a change is audited with where it came from
 * without each route and command passing it on — an import or report it starts keeps it while it runs.
 */
export const fromOrigin = <T>(origin: string | null, fn: () => T): T => origins.run(origin, fn);

/** Where the work being done comes from (see fromOrigin); null outside any. */
export const currentOrigin = (): string | null => origins.getStore() ?? null;
