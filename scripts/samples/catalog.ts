/** Master data of the fictional maker 华帆电器: products, regions, service network, defect catalogue. */

import defects from './defects.json';

export const COMPANY = '华帆电器';

export type Category = '空调' | '冰箱' | '洗衣机';

export interface Model {
	name: string;
	category: Category;
	/** Serial-number prefix. */
	prefix: string;
	/** Average units per month over all regions and channels in 2022. */
	baseUnits: number;
	/** List price in yuan, 2022. */
	price: number;
	/** Weibull time to failure in months in service: scale and shape (> 1: wear-out). */
	scale: number;
	shape: number;
}

export const MODELS: Model[] = [
	{ name: 'KFR-35GW', category: '空调', prefix: 'K35', baseUnits: 780, price: 2799, scale: 70, shape: 1.35 },
	{ name: 'KFR-50LW', category: '空调', prefix: 'K50', baseUnits: 280, price: 5299, scale: 82, shape: 1.35 },
	{ name: 'BCD-450W', category: '冰箱', prefix: 'B45', baseUnits: 540, price: 3999, scale: 88, shape: 1.3 },
	{ name: 'BCD-218', category: '冰箱', prefix: 'B21', baseUnits: 470, price: 1699, scale: 99, shape: 1.3 },
	{ name: 'XQG100', category: '洗衣机', prefix: 'XG1', baseUnits: 560, price: 2999, scale: 78, shape: 1.4 },
	{ name: 'XQB80', category: '洗衣机', prefix: 'XB8', baseUnits: 455, price: 1199, scale: 90, shape: 1.4 }
];

/** Demand by calendar month (Jan…Dec), mean ≈ 1. */
export const SALES_SEASON: Record<Category, number[]> = {
	空调: [0.45, 0.4, 0.6, 0.9, 1.4, 2.0, 2.2, 1.6, 0.9, 0.6, 0.45, 0.5],
	冰箱: [0.85, 0.75, 0.9, 1.0, 1.1, 1.25, 1.25, 1.1, 1.0, 1.0, 0.95, 0.85],
	洗衣机: [1.15, 0.8, 0.9, 0.95, 1.0, 1.0, 0.95, 0.9, 1.0, 1.05, 1.2, 1.1]
};

/** Failure hazard by calendar month: air conditioners break when they are used. */
export const FAILURE_SEASON: Record<Category, number[]> = {
	空调: [0.45, 0.4, 0.5, 0.7, 1.2, 1.9, 2.3, 2.0, 1.1, 0.6, 0.4, 0.45],
	冰箱: [0.85, 0.8, 0.9, 1.0, 1.05, 1.2, 1.3, 1.25, 1.0, 0.95, 0.85, 0.85],
	洗衣机: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
};

export interface Centre {
	name: string;
	supplier: string;
}

export interface Region {
	name: string;
	code: string;
	share: number;
	centres: Centre[];
	stores: string[];
}

/** A sales region: its code, share of the units sold, stores, and service centres with their partners. */
const region = (
	name: string,
	code: string,
	share: number,
	stores: string[],
	partnerOf: Record<string, string>
): Region => ({
	name,
	code,
	share,
	centres: Object.entries(partnerOf).map(([centre, supplier]) => ({ name: centre, supplier })),
	stores
});

export const REGIONS: Region[] = [
	region('华东', 'E', 0.3, ['上海南京东路旗舰店', '杭州银泰专柜', '南京新街口体验店'], {
		上海徐汇服务站: '安达服务',
		杭州西湖服务站: '华信维修',
		南京鼓楼服务站: '恒通维保',
		苏州工业园服务站: '安达服务'
	}),
	region('华南', 'S', 0.25, ['广州天河城专柜', '深圳华强北体验店', '东莞万达专柜'], {
		广州天河服务站: '捷修科技',
		深圳南山服务站: '捷修科技',
		东莞南城服务站: '优家服务',
		南宁青秀服务站: '速达家电服务'
	}),
	region('华北', 'N', 0.2, ['北京西单旗舰店', '天津滨江道专柜'], {
		北京朝阳服务站: '华信维修',
		天津南开服务站: '蓝盾售后',
		石家庄长安服务站: '邦德服务'
	}),
	region('西南', 'W', 0.13, ['成都春熙路体验店', '重庆解放碑专柜'], {
		成都武侯服务站: '优家服务',
		重庆渝中服务站: '佳联服务',
		昆明五华服务站: '速达家电服务'
	}),
	region('华中', 'C', 0.12, ['武汉光谷专柜', '长沙五一广场专柜'], {
		武汉洪山服务站: '蓝盾售后',
		长沙岳麓服务站: '恒通维保',
		郑州金水服务站: '邦德服务'
	})
];

export const SUPPLIERS = [...new Set(REGIONS.flatMap((r) => r.centres.map((c) => c.supplier)))];

/** The service partner that crosses the complaint escalation rules (and repairs worse). */
export const WEAK_SUPPLIER = '捷修科技';

export const SALES_CHANNELS = ['门店', '线上商城', 'App'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

type Texts = string[] | Partial<Record<Category, string[]>>;

export const textsFor = (texts: Texts, category: Category): string[] =>
	Array.isArray(texts) ? texts : (texts[category] ?? []);

export interface Defect {
	code: string;
	name: string;
	/** The English name, for the defect code dictionary sheet. */
	en: string;
	/** 故障大类 */
	group: string;
	/** Base weight per product category (absent: never). */
	weight: Partial<Record<Category, number>>;
	/** Customer-reported symptoms and technician causes; per category where a code spans categories. */
	symptoms: Texts;
	causes: Texts;
	/** Share of repairs without parts, then the parts price range. */
	parts: [number, number, number];
	labor: [number, number];
	/** Wear-out code: more likely the older the unit. */
	ageing?: boolean;
	/** Installation code: almost only in the first months. */
	early?: boolean;
}

/** The defect catalogue (codes, symptoms, causes, cost ranges) is data: defects.json beside this file. */
export const DEFECTS: Defect[] = defects as Defect[];

export const defectByCode = (code: string): Defect => {
	const d = DEFECTS.find((x) => x.code === code);
	if (!d) throw new Error(`unknown defect ${code}`);
	return d;
};

/** The injected defect spike: 3 consecutive months at ≈3.5× the normal rate of one model and code. */
export const SPIKE = {
	model: 'BCD-450W',
	code: 'E5',
	months: ['2024-06', '2024-07', '2024-08'],
	factor: 3.5
};
