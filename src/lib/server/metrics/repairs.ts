import type { MetricDefinition } from './definition';

/** The repairs metric family. */
export const metrics: MetricDefinition[] = [];
