import type { MetricDefinition } from './definition';

/** The warranty metric family. */
export const metrics: MetricDefinition[] = [];
