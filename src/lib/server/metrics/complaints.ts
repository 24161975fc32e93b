import type { MetricDefinition } from './definition';

/** The complaints metric family. */
export const metrics: MetricDefinition[] = [];
