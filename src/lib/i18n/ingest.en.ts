import type { ingestZh } from './ingest.zh-CN';

/** English ingest messages; the type makes a missing key a compile error. */
export const ingestEn: Record<keyof typeof ingestZh, string> = {};
