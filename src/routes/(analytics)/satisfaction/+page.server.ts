import { pageQuery } from '$lib/server/http/metric-query';
import { loadPage } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) =>
	loadPage(locals.db, pageQuery(url, locals.locale), { monthly: 'satisfaction.monthly' });
