/** ingest messages (errors included), zh-CN; keys are prefixed 'ingest.'. */
export const ingestZh = {} as const;
