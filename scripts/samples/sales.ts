/** Monthly sales per model × region × channel, 2022-01 … 2025-12: seasonality, growth, promotions. */
import {
	MODELS,
	REGIONS,
	SALES_CHANNELS,
	SALES_SEASON,
	type Model,
	type Region,
	type SalesChannel
} from './catalog';
import type { Rng } from './prng';
import { calMonth, SALES_MONTHS } from './time';

export interface SalesRow {
	mi: number;
	model: Model;
	region: Region;
	channel: SalesChannel;
	units: number;
	/** Average selling price in yuan. */
	price: number;
}

/** Channel share drifts from stores to online over the four years. */
function channelShare(channel: SalesChannel, mi: number): number {
	const f = mi / (SALES_MONTHS - 1);
	if (channel === '门店') return 0.5 - 0.12 * f;
	if (channel === '线上商城') return 0.32 + 0.05 * f;
	return 0.18 + 0.07 * f;
}

/** 618 and 双11 lift online sales; National Day and Spring Festival lift the stores. */
function promotion(channel: SalesChannel, month: number): number {
	if (channel === '门店') return month === 10 ? 1.2 : month === 1 || month === 2 ? 1.1 : 1;
	return month === 6 ? 1.4 : month === 11 ? 1.6 : 1;
}

export function simulateSales(rng: Rng): SalesRow[] {
	const rows: SalesRow[] = [];
	for (let mi = 0; mi < SALES_MONTHS; mi++) {
		const month = calMonth(mi);
		const growth = Math.pow(1.08, mi / 12);
		for (const model of MODELS) {
			const season = SALES_SEASON[model.category][month - 1];
			for (const region of REGIONS) {
				for (const channel of SALES_CHANNELS) {
					const mean =
						model.baseUnits *
						season *
						growth *
						region.share *
						channelShare(channel, mi) *
						promotion(channel, month);
					const units = Math.max(0, Math.round(mean * Math.exp(0.12 * rng.normal())));
					// Prices fall 2 % a year; online is 5 % cheaper; promotion months 8 % off. Ends in 9.
					const discount = (channel === '门店' ? 1 : 0.95) * (promotion(channel, month) > 1 ? 0.92 : 1);
					const price =
						Math.round((model.price * Math.pow(0.98, Math.floor(mi / 12)) * discount) / 10) * 10 - 1;
					rows.push({ mi, model, region, channel, units, price });
				}
			}
		}
	}
	return rows;
}
