import { pageQuery } from '$lib/server/http/metric-query';
import { loadPage } from '$lib/server/metrics/blocks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const page = await loadPage(locals.db, pageQuery(url, locals, ['log']), {
		weibull: 'warranty.weibull'
	});
	const warrantyMonths = page.infos['defects.monthly']?.params.warranty_months_default;
	return {
		...page,
		log: url.searchParams.get('log') === '1',
		warrantyMonths: typeof warrantyMonths === 'number' ? warrantyMonths : 12
	};
};
