import type { MetricDefinition } from './definition';

/** The defects metric family. */
export const metrics: MetricDefinition[] = [];
