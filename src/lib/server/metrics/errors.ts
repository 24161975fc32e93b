import { UserError } from '$lib/domain/errors';

/** A request the metrics refuse (unknown metric, table, dimension or filter; bad date or limit). */
export class MetricQueryError extends UserError {}
