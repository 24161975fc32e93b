/** Master data of the fictional maker 华帆电器: products, regions, service network, defect catalogue. */

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

export const REGIONS: Region[] = [
	{
		name: '华东',
		code: 'E',
		share: 0.3,
		centres: [
			{ name: '上海徐汇服务站', supplier: '安达服务' },
			{ name: '杭州西湖服务站', supplier: '华信维修' },
			{ name: '南京鼓楼服务站', supplier: '恒通维保' },
			{ name: '苏州工业园服务站', supplier: '安达服务' }
		],
		stores: ['上海南京东路旗舰店', '杭州银泰专柜', '南京新街口体验店']
	},
	{
		name: '华南',
		code: 'S',
		share: 0.25,
		centres: [
			{ name: '广州天河服务站', supplier: '捷修科技' },
			{ name: '深圳南山服务站', supplier: '捷修科技' },
			{ name: '东莞南城服务站', supplier: '优家服务' },
			{ name: '南宁青秀服务站', supplier: '速达家电服务' }
		],
		stores: ['广州天河城专柜', '深圳华强北体验店', '东莞万达专柜']
	},
	{
		name: '华北',
		code: 'N',
		share: 0.2,
		centres: [
			{ name: '北京朝阳服务站', supplier: '华信维修' },
			{ name: '天津南开服务站', supplier: '蓝盾售后' },
			{ name: '石家庄长安服务站', supplier: '邦德服务' }
		],
		stores: ['北京西单旗舰店', '天津滨江道专柜']
	},
	{
		name: '西南',
		code: 'W',
		share: 0.13,
		centres: [
			{ name: '成都武侯服务站', supplier: '优家服务' },
			{ name: '重庆渝中服务站', supplier: '佳联服务' },
			{ name: '昆明五华服务站', supplier: '速达家电服务' }
		],
		stores: ['成都春熙路体验店', '重庆解放碑专柜']
	},
	{
		name: '华中',
		code: 'C',
		share: 0.12,
		centres: [
			{ name: '武汉洪山服务站', supplier: '蓝盾售后' },
			{ name: '长沙岳麓服务站', supplier: '恒通维保' },
			{ name: '郑州金水服务站', supplier: '邦德服务' }
		],
		stores: ['武汉光谷专柜', '长沙五一广场专柜']
	}
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

export const DEFECTS: Defect[] = [
	{
		code: 'E1',
		name: '制冷不良',
		group: '制冷系统',
		weight: { 空调: 26, 冰箱: 22 },
		symptoms: {
			空调: ['不制冷', '制冷效果差, 温度降不下来', '开机一小时"还是热风"'],
			冰箱: ['冷藏室不冷', '冷冻室温度偏高, 食物化冻', '不制冷']
		},
		causes: {
			空调: ['冷媒泄漏', '毛细管堵塞', '四通阀故障'],
			冰箱: ['冷媒泄漏', '毛细管堵塞', '温度传感器失效']
		},
		parts: [0.3, 80, 380],
		labor: [100, 220]
	},
	{
		code: 'E2',
		name: '噪音异响',
		group: '噪音振动',
		weight: { 空调: 12, 冰箱: 12 },
		symptoms: {
			空调: ['运行噪音大', '外机"咔咔"响', '风扇异响, 夜里很吵'],
			冰箱: ['运行噪音大', '风扇异响, 夜里很吵', '箱体"咔咔"响']
		},
		causes: ['风扇叶片松动', '减震垫老化', '管路共振'],
		parts: [0.4, 30, 200],
		labor: [80, 160]
	},
	{
		code: 'E3',
		name: '漏水',
		group: '漏水',
		weight: { 空调: 15 },
		symptoms: ['室内机漏水', '内机滴水, 地板湿了', '排水管漏水'],
		causes: ['排水管堵塞', '接水盘破裂', '安装倾斜'],
		parts: [0.6, 10, 80],
		labor: [60, 120]
	},
	{
		code: 'E4',
		name: '显示遥控故障',
		group: '电气控制',
		weight: { 空调: 10, 冰箱: 8 },
		symptoms: {
			空调: ['显示屏不亮', '遥控无反应', '面板按键失灵'],
			冰箱: ['显示屏不亮', '面板按键失灵', '温度显示乱码']
		},
		causes: ['显示板损坏', '接收头故障', '连接线松脱'],
		parts: [0.2, 60, 220],
		labor: [60, 120]
	},
	{
		code: 'E5',
		name: '压缩机异响',
		group: '压缩机',
		weight: { 冰箱: 8 },
		symptoms: ['压缩机异响', '压缩机"嗡嗡"响, 启动频繁', '后部噪音大, 不停机'],
		causes: ['压缩机阀片磨损', '压缩机支撑弹簧断裂', '启动器故障'],
		parts: [0.05, 380, 800],
		labor: [180, 300]
	},
	{
		code: 'E6',
		name: '主板故障',
		group: '电气控制',
		weight: { 空调: 12, 冰箱: 12, 洗衣机: 14 },
		symptoms: ['无法开机', '开机跳闸', '显示故障代码后停机'],
		causes: ['主控板电容鼓包', '电源模块烧毁', '雷击损坏'],
		parts: [0.05, 180, 560],
		labor: [100, 160]
	},
	{
		code: 'E7',
		name: '压缩机故障',
		group: '压缩机',
		weight: { 空调: 7 },
		symptoms: ['外机不启动', '压缩机不工作, 只吹风'],
		causes: ['压缩机卡缸', '压缩机绕组短路'],
		parts: [0.02, 520, 800],
		labor: [200, 300],
		ageing: true
	},
	{
		code: 'E8',
		name: '结霜结冰',
		group: '制冷系统',
		weight: { 冰箱: 20 },
		symptoms: ['冷冻室结霜严重', '冷藏室后壁结冰', '风道结冰, 不出冷风'],
		causes: ['化霜加热器失效', '化霜传感器故障', '门封漏气'],
		parts: [0.5, 40, 260],
		labor: [80, 160]
	},
	{
		code: 'E9',
		name: '门封不严',
		group: '箱体门封',
		weight: { 冰箱: 14 },
		symptoms: ['门关不严', '门封条变形', '门体下沉'],
		causes: ['门封条老化', '门铰链松动'],
		parts: [0.1, 40, 150],
		labor: [60, 120]
	},
	{
		code: 'F1',
		name: '安装不良',
		group: '安装',
		weight: { 空调: 18, 洗衣机: 12 },
		symptoms: {
			空调: ['安装后漏氟', '外机支架松动', '排水管倒坡, 内机漏水'],
			洗衣机: ['机器不水平, 晃动', '进水管接头漏水']
		},
		causes: {
			空调: ['安装不规范', '管路未抽真空', '配件缺失'],
			洗衣机: ['安装不规范', '配件缺失', '地面不平未调脚']
		},
		parts: [0.7, 10, 90],
		labor: [50, 150],
		early: true
	},
	{
		code: 'W1',
		name: '不排水',
		group: '排水系统',
		weight: { 洗衣机: 22 },
		symptoms: ['不排水', '排水慢, 提示"E21"', '桶内积水'],
		causes: ['排水泵堵塞', '排水泵损坏', '异物卡住'],
		parts: [0.3, 30, 180],
		labor: [60, 120]
	},
	{
		code: 'W2',
		name: '脱水振动异响',
		group: '噪音振动',
		weight: { 洗衣机: 20 },
		symptoms: ['脱水时振动大', '脱水异响, 机器移位', '甩干时"哐哐"响'],
		causes: ['吊杆减震失效', '轴承磨损', '运输螺栓未拆'],
		parts: [0.4, 40, 260],
		labor: [80, 160]
	},
	{
		code: 'W3',
		name: '不进水',
		group: '进水系统',
		weight: { 洗衣机: 12 },
		symptoms: ['不进水', '进水慢', '进水阀异响'],
		causes: ['进水阀故障', '水压不足', '滤网堵塞'],
		parts: [0.4, 30, 150],
		labor: [60, 120]
	},
	{
		code: 'W4',
		name: '门锁故障',
		group: '电气控制',
		weight: { 洗衣机: 12 },
		symptoms: ['门打不开', '门锁报警', '提示门未关好'],
		causes: ['门锁开关损坏', '门钩断裂'],
		parts: [0.1, 60, 180],
		labor: [60, 120]
	},
	{
		code: 'W5',
		name: '电机故障',
		group: '电机',
		weight: { 洗衣机: 8 },
		symptoms: ['电机不转', '洗涤时电机异响', '转速低, 甩不干'],
		causes: ['电机碳刷磨损', '电机绕组烧毁', '变频板故障'],
		parts: [0.05, 320, 720],
		labor: [150, 260],
		ageing: true
	}
];

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
