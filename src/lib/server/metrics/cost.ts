import type { MetricDefinition } from './definition';

/** The cost metric family. */
export const metrics: MetricDefinition[] = [];
