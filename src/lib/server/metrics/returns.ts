import type { MetricDefinition } from './definition';

/** The returns metric family. */
export const metrics: MetricDefinition[] = [];
