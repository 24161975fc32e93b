/**
 * A large, realistic repair-order export for benchmarks and long-running import tests: Chinese
 * headers as a service system exports them, timestamps like `2025-06-03 14:05:00`, plain amounts.
 * Deterministic (seeded PRNG, no clock): the same arguments give the same bytes. Streams in chunks of
 * rows with backpressure, so memory stays small whatever the row count; GBK goes through iconv-lite.
 *
 * Every row is valid and has a unique 维修单号, so importing N rows gives rows = accepted = N.
 *
 *   npx tsx tests/helpers/generate-repairs.ts out.csv 1000000 [utf-8|gbk]
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { KIND_DEFS } from '../../src/lib/domain/records';
import { mulberry32 } from './random';

/**
 * The header a service system exports each of these repair fields under: its first synonym in
 * src/lib/domain/records, so each header maps back to its field.
 */
export const repairHeader = (fields: readonly string[]): string[] =>
	fields.map((name) => {
		const field = KIND_DEFS.repair.fields.find((f) => f.name === name);
		if (!field) throw new Error(`no repair field ${name}`);
		return field.synonyms[0];
	});

/** The columns of the generated export, in its order. */
export const REPAIR_HEADERS = repairHeader([
	'repair_id',
	'received_at',
	'completed_at',
	'product_model',
	'category',
	'serial_no',
	'defect_code',
	'defect_category',
	'sold_at',
	'region',
	'service_center',
	'supplier',
	'in_warranty',
	'parts_cost',
	'labor_cost',
	'logistics_cost',
	'other_cost',
	'status'
]);

export interface GenerateOptions {
	encoding?: 'utf-8' | 'gbk';
	/** PRNG seed (default 20250603). */
	seed?: number;
	/** Prefix of the repair IDs (default 'WX'); distinct prefixes give disjoint key sets. */
	idPrefix?: string;
	/** Rows per write (default 4096). */
	chunkRows?: number;
}

export interface GenerateResult {
	path: string;
	rows: number;
	bytes: number;
}

interface ModelDef {
	name: string;
	category: string;
	prefix: string;
	defects: [code: string, group: string][];
}

const AC_DEFECTS: [string, string][] = [
	['E1', '制冷系统'],
	['E2', '噪音振动'],
	['E4', '电控系统'],
	['F3', '漏水'],
	['P1', '安装问题']
];
const FRIDGE_DEFECTS: [string, string][] = [
	['E1', '制冷系统'],
	['E6', '门封异常'],
	['E4', '电控系统'],
	['F2', '异味']
];
const WASHER_DEFECTS: [string, string][] = [
	['E2', '噪音振动'],
	['E3', '排水故障'],
	['E4', '电控系统'],
	['F3', '漏水'],
	['UE', '脱水不平衡']
];

const MODELS: ModelDef[] = [
	{ name: 'KFR-35GW', category: '空调', prefix: 'K35', defects: AC_DEFECTS },
	{ name: 'KFR-50LW', category: '空调', prefix: 'K50', defects: AC_DEFECTS },
	{ name: 'KFR-26GW', category: '空调', prefix: 'K26', defects: AC_DEFECTS },
	{ name: 'BCD-450W', category: '冰箱', prefix: 'B45', defects: FRIDGE_DEFECTS },
	{ name: 'BCD-218', category: '冰箱', prefix: 'B21', defects: FRIDGE_DEFECTS },
	{ name: 'XQG100', category: '洗衣机', prefix: 'XG1', defects: WASHER_DEFECTS },
	{ name: 'XQB80', category: '洗衣机', prefix: 'XB8', defects: WASHER_DEFECTS }
];

const REGIONS: [region: string, centres: [centre: string, supplier: string][]][] = [
	[
		'华东',
		[
			['上海徐汇服务站', '安达服务'],
			['杭州西湖服务站', '华信维修'],
			['南京鼓楼服务站', '恒通维保']
		]
	],
	[
		'华南',
		[
			['广州天河服务站', '捷修科技'],
			['深圳南山服务站', '捷修科技'],
			['东莞南城服务站', '优家服务']
		]
	],
	[
		'华北',
		[
			['北京朝阳服务站', '蓝盾售后'],
			['天津南开服务站', '蓝盾售后']
		]
	],
	[
		'华中',
		[
			['武汉洪山服务站', '蓝盾售后'],
			['长沙岳麓服务站', '华信维修']
		]
	],
	[
		'西南',
		[
			['成都武侯服务站', '速达家电服务'],
			['重庆渝中服务站', '速达家电服务']
		]
	]
];
const CENTRES = REGIONS.flatMap(([region, centres]) => centres.map(([c, s]) => [region, c, s] as const));

const PARTS = ['0', '0', '45', '85', '120', '170.5', '236', '320', '488', '650'];
const LABOUR = ['50', '80', '100', '120', '160'];
const LOGISTICS = ['0', '0', '0', '30', '50'];
const OTHER = ['0', '0', '0', '0', '20'];

const MINUTES_PER_DAY = 1440;
/** Repairs are received from 2023-01-01 on; purchases go back up to 6 years before. */
const FIRST_DAY = Date.UTC(2023, 0, 1) / 86_400_000;
const RECEIVE_DAYS = 3 * 365;
const PURCHASE_BACK_DAYS = 6 * 365;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' for day numbers (days since 1970-01-01) in [from, to). */
function dayTable(from: number, to: number): string[] {
	const days: string[] = [];
	for (let d = from; d < to; d++) days.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
	return days;
}

const TIMES: string[] = Array.from(
	{ length: MINUTES_PER_DAY },
	(_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:00`
);

async function write(out: WriteStream, data: Buffer): Promise<void> {
	if (!out.write(data)) await once(out, 'drain');
}

/**
 * The cells of data row i (0-based) of an N-row file, as the export writes them. Rows depend only on
 * (seed, rows, i-order): call the returned function with i = 0, 1, 2, … in order.
 */
export function repairRowSource(
	rows: number,
	options: Pick<GenerateOptions, 'seed' | 'idPrefix'> = {}
): (i: number) => string[] {
	const random = mulberry32(options.seed ?? 20250603);
	const prefix = options.idPrefix ?? 'WX';
	const int = (n: number) => Math.floor(random() * n);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)];
	const days = dayTable(FIRST_DAY - PURCHASE_BACK_DAYS, FIRST_DAY + RECEIVE_DAYS + 60);
	const compactDays = days.map((d) => d.replace(/-/g, ''));
	return (i: number) => {
		// Received: spread over three years in file order (exports are sorted by time), 08:00–20:00.
		const day = PURCHASE_BACK_DAYS + Math.floor((i / rows) * RECEIVE_DAYS);
		const receivedMin = day * MINUTES_PER_DAY + 480 + int(720);
		const model = pick(MODELS);
		const [defectCode, defectGroup] = pick(model.defects);
		const [region, centre, supplier] = pick(CENTRES);
		const soldDay = day - 30 - int(PURCHASE_BACK_DAYS - 60);
		const inWarranty = day - soldDay < 3 * 365 && random() < 0.85;
		const open = random() < 0.05;
		let completed = '';
		if (!open) {
			const doneMin = receivedMin + 60 + int(7 * MINUTES_PER_DAY);
			completed = `${days[Math.floor(doneMin / MINUTES_PER_DAY)]} ${TIMES[doneMin % MINUTES_PER_DAY]}`;
		}
		const serial = `${model.prefix}${compactDays[soldDay].slice(2, 6)}${String(int(1_000_000)).padStart(6, '0')}`;
		return [
			`${prefix}${compactDays[day]}${String(i + 1).padStart(7, '0')}`,
			`${days[day]} ${TIMES[receivedMin % MINUTES_PER_DAY]}`,
			completed,
			model.name,
			model.category,
			serial,
			defectCode,
			defectGroup,
			days[soldDay],
			region,
			centre,
			supplier,
			inWarranty ? '是' : '否',
			pick(PARTS),
			pick(LABOUR),
			pick(LOGISTICS),
			pick(OTHER),
			open ? '处理中' : '已完工'
		];
	};
}

/** Writes a repair CSV with `rows` data rows under a header row (no cell needs quoting). */
export async function generateRepairsCsv(
	path: string,
	rows: number,
	options: GenerateOptions = {}
): Promise<GenerateResult> {
	const encoding = options.encoding ?? 'utf-8';
	const chunkRows = options.chunkRows ?? 4096;
	const row = repairRowSource(rows, options);
	const encode = (text: string) =>
		encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');

	const out = createWriteStream(path, { highWaterMark: 1 << 20 });
	let bytes = 0;
	const emit = async (text: string) => {
		const buffer = encode(text);
		bytes += buffer.length;
		await write(out, buffer);
	};
	try {
		await emit(REPAIR_HEADERS.join(',') + '\n');
		for (let start = 0; start < rows; start += chunkRows) {
			const end = Math.min(rows, start + chunkRows);
			let text = '';
			for (let i = start; i < end; i++) text += row(i).join(',') + '\n';
			await emit(text);
		}
	} finally {
		out.end();
		await once(out, 'close');
	}
	return { path, rows, bytes };
}

const invokedDirectly =
	process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
	const [path, rows = '1000', encoding = 'utf-8'] = process.argv.slice(2);
	if (!path) {
		console.error('usage: generate-repairs.ts OUT.csv ROWS [utf-8|gbk]');
		process.exit(2);
	}
	const started = Date.now();
	generateRepairsCsv(path, Number(rows), { encoding: encoding as 'utf-8' | 'gbk' }).then(
		(result) =>
			console.log(`${result.path}: ${result.rows} rows, ${result.bytes} bytes, ${Date.now() - started} ms`),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		}
	);
}
