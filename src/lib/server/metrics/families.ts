import type { AnyMetricDefinition } from './definition';
import { metrics as complaints } from './complaints';
import { metrics as cost } from './cost';
import { metrics as defects } from './defects';
import { metrics as repairs } from './repairs';
import { metrics as returns } from './returns';
import { metrics as satisfaction } from './satisfaction';
import { metrics as warranty } from './warranty';

/**
 * The metrics computed from the records, family by family. The overview's figures are read from
 * them, so they are listed apart from the registry that adds the overview on top.
 */
export const FAMILY_METRICS: readonly AnyMetricDefinition[] = [
	...defects,
	...warranty,
	...repairs,
	...cost,
	...returns,
	...complaints,
	...satisfaction
];
