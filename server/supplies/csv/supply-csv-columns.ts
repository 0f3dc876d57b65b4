import { z } from 'zod';
import { DEPOT_TIERS, DepotCreateSchema, SupplyItemCreateSchema, type Depot, type DepotTier, type SupplyItem } from '../../../shared/schemas/supply';
import { CodeSchema, CountSchema } from '../../../shared/schemas/township-name';
import type { CsvColumn } from './csv-codec';

export const DEPOT_COLUMNS = [
  { key: 'id', header: '编码', aliases: ['仓库编码', 'code'], required: true },
  { key: 'name', header: '名称', aliases: ['仓库名称'], required: true },
  { key: 'tier', header: '级别', aliases: ['层级'], required: true },
  { key: 'township', header: '乡镇', aliases: ['所属乡镇'] },
  { key: 'lat', header: '纬度', aliases: ['latitude'], required: true },
  { key: 'lon', header: '经度', aliases: ['longitude', 'lng'], required: true },
  { key: 'address', header: '地址' },
  { key: 'manager', header: '负责人', aliases: ['管理员'] },
  { key: 'phone', header: '电话', aliases: ['联系电话'] },
] as const satisfies readonly CsvColumn[];

export const ITEM_COLUMNS = [
  { key: 'id', header: '编码', aliases: ['物资编码', 'code'], required: true },
  { key: 'name', header: '名称', aliases: ['物资名称'], required: true },
  { key: 'category', header: '类别', aliases: ['分类'] },
  { key: 'unit', header: '单位', aliases: ['计量单位'], required: true },
  { key: 'keyItem', header: '重点物资', aliases: ['key_item', 'key'] },
] as const satisfies readonly CsvColumn[];

export const STOCK_COLUMNS = [
  { key: 'depotId', header: '仓库编码', aliases: ['depot', 'depot_id'], required: true },
  { key: 'depotName', header: '仓库名称' },
  { key: 'itemId', header: '物资编码', aliases: ['item', 'item_id'], required: true },
  { key: 'itemName', header: '物资名称' },
  { key: 'unit', header: '单位' },
  { key: 'onHand', header: '库存数量', aliases: ['库存', 'on_hand', 'quantity'], required: true },
  { key: 'reserved', header: '已预留' },
  { key: 'available', header: '可用数量' },
  { key: 'minLevel', header: '预警下限', aliases: ['最低库存', 'min_level'] },
] as const satisfies readonly CsvColumn[];

type Values<C extends readonly CsvColumn[]> = Record<C[number]['key'], string>;

export const TIER_LABELS: Record<DepotTier, string> = { county: '县级', township: '乡镇', village: '村/社区' };
const TIER_WORDS: Record<string, DepotTier> = { 县级: 'county', 县: 'county', 乡镇: 'township', 乡镇级: 'township', 镇: 'township', '村/社区': 'village', 村: 'village', 社区: 'village', 村级: 'village' };
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.replace(/,/g, '')));

/** A parsed row or the problems with it, worded for the person who fixes the spreadsheet. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; message: string };

function fromZod<T>(result: z.ZodSafeParseResult<T>, headers: Record<string, string>): RowResult<T> {
  if (result.success) return { ok: true, value: result.data };
  const message = result.error.issues.map((i) => `${headers[String(i.path[0])] ?? String(i.path[0] ?? '')}: ${i.message}`.replace(/^: /, '')).join('; ');
  return { ok: false, message };
}
const headersOf = (columns: readonly CsvColumn[]) => Object.fromEntries(columns.map((c) => [c.key, c.header]));

export type DepotRow = z.output<typeof DepotCreateSchema>;
export type ItemRow = z.output<typeof SupplyItemCreateSchema>;

export function depotFromRow(v: Values<typeof DEPOT_COLUMNS>): RowResult<DepotRow> {
  const tier = (DEPOT_TIERS as readonly string[]).includes(v.tier) ? v.tier : TIER_WORDS[v.tier];
  const input = { id: v.id, name: v.name, tier: tier ?? v.tier, township: v.township === '' ? undefined : v.township, location: { lat: number(v.lat), lon: number(v.lon) }, address: v.address, manager: v.manager, phone: v.phone };
  return fromZod(DepotCreateSchema.safeParse(input), { ...headersOf(DEPOT_COLUMNS), location: '纬度/经度' });
}

export function itemFromRow(v: Values<typeof ITEM_COLUMNS>): RowResult<ItemRow> {
  const key = v.keyItem.trim().toLowerCase();
  if (!YES.has(key) && !NO.has(key)) return { ok: false, message: `重点物资: 是 or 否, not "${v.keyItem}"` };
  return fromZod(SupplyItemCreateSchema.safeParse({ id: v.id, name: v.name, category: v.category, unit: v.unit, keyItem: YES.has(key) }), headersOf(ITEM_COLUMNS));
}

const StockRowSchema = z.object({ depotId: CodeSchema, itemId: CodeSchema, onHand: CountSchema, minLevel: CountSchema.nullable() });
export type StockRow = z.output<typeof StockRowSchema>;

export function stockFromRow(v: Values<typeof STOCK_COLUMNS>): RowResult<StockRow> {
  const input = { depotId: v.depotId, itemId: v.itemId, onHand: number(v.onHand), minLevel: v.minLevel.trim() === '' ? null : number(v.minLevel) };
  return fromZod(StockRowSchema.safeParse(input), headersOf(STOCK_COLUMNS));
}

export const depotToRow = (d: Depot): Values<typeof DEPOT_COLUMNS> => ({
  id: d.id,
  name: d.name,
  tier: TIER_LABELS[d.tier],
  township: d.township ?? '',
  lat: String(d.location.lat),
  lon: String(d.location.lon),
  address: d.address,
  manager: d.manager,
  phone: d.phone,
});

export const itemToRow = (i: SupplyItem): Values<typeof ITEM_COLUMNS> => ({ id: i.id, name: i.name, category: i.category, unit: i.unit, keyItem: i.keyItem ? '是' : '否' });
