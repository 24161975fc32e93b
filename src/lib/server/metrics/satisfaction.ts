import type { MetricDefinition } from './definition';

/** The satisfaction metric family. */
export const metrics: MetricDefinition[] = [];
