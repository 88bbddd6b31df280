/**
 * 流动党员 statistics, the pure part (issue 10 §6: the secretary's dashboard and the 区委组织部's district view). No Next,
 * no database: lib/party/stats.ts loads the rows and asks these.
 *
 * Origin province (流出地 by province): the province of the member's 流出地 organisation (party_mobile_records
 * .outflow_org_id). Organisations inside the portal are in 江西省 (珠山区, 景德镇); an organisation outside the portal
 * carries its postal address (party_orgs.address, printed on letters), which in Chinese practice starts with the
 * province ("浙江省杭州市西湖区…"), so the province is read from that prefix; a full or a short name both count
 * ("浙江" / "内蒙古"). An address that names none is "unknown" (shown as 未注明) rather than guessed.
 */

export interface Province {
  code: string;
  zh: string;
  en: string;
}

/** The 34 provincial-level divisions, GB/T 2260 codes; `zh` is the full name, the first alias the short one. */
const PROVINCE_LIST: readonly (Province & { short: string })[] = [
  { code: '11', zh: '北京市', short: '北京', en: 'Beijing' },
  { code: '12', zh: '天津市', short: '天津', en: 'Tianjin' },
  { code: '13', zh: '河北省', short: '河北', en: 'Hebei' },
  { code: '14', zh: '山西省', short: '山西', en: 'Shanxi' },
  { code: '15', zh: '内蒙古自治区', short: '内蒙古', en: 'Inner Mongolia' },
  { code: '21', zh: '辽宁省', short: '辽宁', en: 'Liaoning' },
  { code: '22', zh: '吉林省', short: '吉林', en: 'Jilin' },
  { code: '23', zh: '黑龙江省', short: '黑龙江', en: 'Heilongjiang' },
  { code: '31', zh: '上海市', short: '上海', en: 'Shanghai' },
  { code: '32', zh: '江苏省', short: '江苏', en: 'Jiangsu' },
  { code: '33', zh: '浙江省', short: '浙江', en: 'Zhejiang' },
  { code: '34', zh: '安徽省', short: '安徽', en: 'Anhui' },
  { code: '35', zh: '福建省', short: '福建', en: 'Fujian' },
  { code: '36', zh: '江西省', short: '江西', en: 'Jiangxi' },
  { code: '37', zh: '山东省', short: '山东', en: 'Shandong' },
  { code: '41', zh: '河南省', short: '河南', en: 'Henan' },
  { code: '42', zh: '湖北省', short: '湖北', en: 'Hubei' },
  { code: '43', zh: '湖南省', short: '湖南', en: 'Hunan' },
  { code: '44', zh: '广东省', short: '广东', en: 'Guangdong' },
  { code: '45', zh: '广西壮族自治区', short: '广西', en: 'Guangxi' },
  { code: '46', zh: '海南省', short: '海南', en: 'Hainan' },
  { code: '50', zh: '重庆市', short: '重庆', en: 'Chongqing' },
  { code: '51', zh: '四川省', short: '四川', en: 'Sichuan' },
  { code: '52', zh: '贵州省', short: '贵州', en: 'Guizhou' },
  { code: '53', zh: '云南省', short: '云南', en: 'Yunnan' },
  { code: '54', zh: '西藏自治区', short: '西藏', en: 'Tibet' },
  { code: '61', zh: '陕西省', short: '陕西', en: 'Shaanxi' },
  { code: '62', zh: '甘肃省', short: '甘肃', en: 'Gansu' },
  { code: '63', zh: '青海省', short: '青海', en: 'Qinghai' },
  { code: '64', zh: '宁夏回族自治区', short: '宁夏', en: 'Ningxia' },
  { code: '65', zh: '新疆维吾尔自治区', short: '新疆', en: 'Xinjiang' },
  { code: '71', zh: '台湾省', short: '台湾', en: 'Taiwan' },
  { code: '81', zh: '香港特别行政区', short: '香港', en: 'Hong Kong' },
  { code: '82', zh: '澳门特别行政区', short: '澳门', en: 'Macao' },
];

export const HOME_PROVINCE: Province = { code: '36', zh: '江西省', en: 'Jiangxi' };
export const UNKNOWN_PROVINCE: Province = { code: '00', zh: '未注明', en: 'Not stated' };

/** The province an address starts with (full name first, then the short name), or null. */
export function provinceOfAddress(address: string | null | undefined): Province | null {
  const a = (address ?? '').replace(/^[\s\u3000]+/, '').replace(/^中国/, '');
  if (!a) return null;
  const hit = PROVINCE_LIST.find((p) => a.startsWith(p.zh)) ?? PROVINCE_LIST.find((p) => a.startsWith(p.short));
  return hit ? { code: hit.code, zh: hit.zh, en: hit.en } : null;
}

/** The 流出地 organisation's province: inside the portal → 江西省; outside → from its address; else unknown. */
export function originProvince(org: { isExternal: boolean; address: string | null } | null | undefined): Province {
  if (!org) return UNKNOWN_PROVINCE;
  if (!org.isExternal) return HOME_PROVINCE;
  return provinceOfAddress(org.address) ?? UNKNOWN_PROVINCE;
}

// --- months ---------------------------------------------------------------------------------------------------------

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isStatsMonth = (s: string): boolean => MONTH_RE.test(s);
const idx = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const ofIdx = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
export const shiftMonth = (ym: string, n: number): string => ofIdx(idx(ym) + n);
/** Inclusive list of months from `from` to `to` (empty when from > to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = idx(from); i <= idx(to); i++) out.push(ofIdx(i));
  return out;
}
/** The longest district period (in months) one request may ask for. */
export const MAX_PERIOD_MONTHS = 36;
/** The default district period: the last 12 months up to and including `current`. */
export const defaultPeriod = (current: string): { from: string; to: string } => ({ from: shiftMonth(current, -11), to: current });

// --- rates ----------------------------------------------------------------------------------------------------------

/**
 * A percentage with one decimal as a string, rounded half up, from integers only (no binary floating point in the
 * figure): 5 of 6 → "83.3"; null when the denominator is 0 (no rate, not 0 %).
 */
export function percent(numerator: number, denominator: number): string | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) return null;
  const tenths = Math.floor((numerator * 2000 + denominator) / (2 * denominator)); // round(n × 1000 / d) half up
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Rows to CSV-ready records for a chart's table view: header keys in order, values as strings. */
export function tableRows<T extends Record<string, string | number | null>>(rows: readonly T[], keys: readonly (keyof T & string)[]): string[][] {
  return rows.map((r) => keys.map((k) => (r[k] == null ? '' : String(r[k]))));
}
