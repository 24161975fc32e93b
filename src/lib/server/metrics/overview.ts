import type { MetricDefinition } from './definition';

/** The overview metric family. */
export const metrics: MetricDefinition[] = [];
