import type { SearchIndexName } from './source';
import type { Grades } from './relevance';

/**
 * The judged query set (issue 12 §5, booking-and-search.md R4) over the seeded catalogue (db/seed: 48 policies) and
 * the demo mentors (db/seed-mentors.ts): ≥ 60 queries graded 0/1/2 by reading the documents — 2 = what the query
 * asks for, 1 = related (a summary mentions it, a synonym, a broader match), absent = not relevant. Classes: exact
 * titles, sub-words, multi-word, traditional script, pinyin and initials, mixed Latin, Latin typos, filtered and
 * no-answer queries. Re-baseline when the seed changes (the seed's ids are stable).
 */
export type JudgementClass = 'exact' | 'subword' | 'multiword' | 'traditional' | 'pinyin' | 'latin' | 'typo' | 'filtered' | 'none';

export interface Judgement {
  id: string;
  index: SearchIndexName;
  q: string;
  filter?: string;
  class: JudgementClass;
  grades: Grades;
}

/** Demo mentor n (db/seed-mentors.ts ids). */
const m = (n: number) => `3e470000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const all2 = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, 2 as const]));

export const JUDGEMENTS: readonly Judgement[] = [
  // Exact titles: the title first.
  { id: 'e01', index: 'policies', q: '人才公寓', class: 'exact', grades: { 'JP-020': 2 } },
  { id: 'e02', index: 'policies', q: '景漂贷', class: 'exact', grades: { 'JP-032': 2 } },
  { id: 'e03', index: 'policies', q: '人才购房补贴', class: 'exact', grades: { 'JP-022': 2 } },
  { id: 'e04', index: 'policies', q: '集体户落户', class: 'exact', grades: { 'JP-026': 2 } },
  { id: 'e05', index: 'policies', q: '子女入学统筹', class: 'exact', grades: { 'JP-024': 2 } },
  { id: 'e06', index: 'policies', q: '众创空间 免费工位', class: 'exact', grades: { 'JP-062': 2 } },
  { id: 'e07', index: 'policies', q: '高校毕业生一次性创业补贴', class: 'exact', grades: { 'JP-033': 2 } },
  { id: 'e08', index: 'policies', q: '技能等级提升补贴', class: 'exact', grades: { 'JP-046': 2 } },
  { id: 'e09', index: 'mentors', q: '汪青岚', class: 'exact', grades: { [m(1)]: 2 } },
  { id: 'e10', index: 'policies', q: '带动就业补贴', class: 'exact', grades: { 'JP-034': 2 } },
  // Sub-words inside longer words.
  { id: 's01', index: 'policies', q: '补贴', class: 'subword', grades: all2('JP-021', 'JP-022', 'JP-033', 'JP-034', 'JP-035', 'JP-036', 'JP-046', 'JP-053', 'JP-054', 'JP-055', 'JP-057', 'JP-060', 'JP-070') },
  { id: 's02', index: 'mentors', q: '青花', class: 'subword', grades: { [m(1)]: 2, [m(7)]: 2 } },
  { id: 's03', index: 'policies', q: '非遗', class: 'subword', grades: { ...all2('JP-050', 'JP-051', 'JP-052', 'JP-054'), 'JP-011': 1, 'JP-012': 1, 'JP-013': 1, 'JP-055': 1 } },
  { id: 's04', index: 'policies', q: '租金', class: 'subword', grades: { 'JP-036': 2, 'JP-035': 2, 'JP-020': 2, 'JP-021': 1 } },
  { id: 's05', index: 'policies', q: '房租', class: 'subword', grades: { 'JP-035': 2, 'JP-036': 2, 'JP-020': 1, 'JP-021': 1 } },
  { id: 's06', index: 'policies', q: '社保', class: 'subword', grades: { 'JP-070': 2, 'JP-021': 1, 'JP-034': 1, 'JP-031': 1 } },
  { id: 's07', index: 'policies', q: '职称', class: 'subword', grades: all2('JP-040', 'JP-041', 'JP-042', 'JP-043', 'JP-044', 'JP-045') },
  { id: 's08', index: 'policies', q: '窑', class: 'subword', grades: { 'JP-060': 2, 'JP-063': 1 } },
  { id: 's09', index: 'policies', q: '毕业生', class: 'subword', grades: { 'JP-033': 2, 'JP-070': 2, 'JP-021': 1 } },
  { id: 's10', index: 'policies', q: '传承人', class: 'subword', grades: { ...all2('JP-050', 'JP-051', 'JP-052', 'JP-054'), 'JP-011': 1, 'JP-012': 1, 'JP-013': 1, 'JP-055': 1 } },
  { id: 's11', index: 'policies', q: '驻留', class: 'subword', grades: { 'JP-064': 2, 'JP-063': 1 } },
  { id: 's12', index: 'policies', q: '直播', class: 'subword', grades: { 'JP-039': 2 } },
  { id: 's13', index: 'policies', q: '摊位', class: 'subword', grades: { 'JP-065': 2, 'JP-066': 2, 'JP-038': 1 } },
  { id: 's14', index: 'mentors', q: '柴窑', class: 'subword', grades: { [m(6)]: 2, [m(9)]: 2 } },
  // Several words, all required.
  { id: 'm01', index: 'policies', q: '青年 租房', class: 'multiword', grades: { 'JP-021': 2, 'JP-020': 1 } },
  { id: 'm02', index: 'policies', q: '创业 贷款', class: 'multiword', grades: { 'JP-030': 2, 'JP-031': 2, 'JP-032': 1 } },
  { id: 'm03', index: 'policies', q: '大师 入驻', class: 'multiword', grades: { 'JP-053': 2 } },
  { id: 'm04', index: 'policies', q: '陶溪川 版权', class: 'multiword', grades: { 'JP-038': 2 } },
  { id: 'm05', index: 'policies', q: '非遗 补助', class: 'multiword', grades: { ...all2('JP-050', 'JP-051', 'JP-052'), 'JP-054': 1 } },
  { id: 'm06', index: 'policies', q: '展厅 个展', class: 'multiword', grades: { 'JP-061': 2 } },
  { id: 'm07', index: 'policies', q: '外籍 签证', class: 'multiword', grades: { 'JP-003': 2 } },
  { id: 'm08', index: 'mentors', q: '柴窑 把桩', class: 'multiword', grades: { [m(6)]: 2, [m(9)]: 2 } },
  { id: 'm09', index: 'mentors', q: '粉彩 花鸟', class: 'multiword', grades: { [m(2)]: 2, [m(8)]: 1 } },
  // Traditional script.
  { id: 't01', index: 'policies', q: '社保補貼', class: 'traditional', grades: { 'JP-070': 2, 'JP-021': 1, 'JP-034': 1 } },
  { id: 't02', index: 'policies', q: '創業補貼', class: 'traditional', grades: { 'JP-033': 2, 'JP-035': 1 } },
  { id: 't03', index: 'policies', q: '人才購房', class: 'traditional', grades: { 'JP-022': 2 } },
  { id: 't04', index: 'policies', q: '職稱獎勵', class: 'traditional', grades: { 'JP-045': 2 } },
  { id: 't05', index: 'mentors', q: '青花勾線', class: 'traditional', grades: { [m(7)]: 2, [m(1)]: 2 } },
  { id: 't06', index: 'policies', q: '國際工作室', class: 'traditional', grades: { 'JP-063': 2 } },
  { id: 't07', index: 'policies', q: '傳習補助', class: 'traditional', grades: all2('JP-050', 'JP-051', 'JP-052') },
  { id: 't08', index: 'mentors', q: '顏色釉', class: 'traditional', grades: { [m(3)]: 2 } },
  { id: 't09', index: 'policies', q: '候鳥計劃', class: 'traditional', grades: { 'JP-064': 2 } },
  // Pinyin and initials.
  { id: 'p01', index: 'mentors', q: 'qinghua', class: 'pinyin', grades: { [m(1)]: 2, [m(7)]: 2 } },
  { id: 'p02', index: 'policies', q: 'houniao', class: 'pinyin', grades: { 'JP-064': 2 } },
  { id: 'p03', index: 'policies', q: 'jingpiaodai', class: 'pinyin', grades: { 'JP-032': 2 } },
  { id: 'p04', index: 'policies', q: 'rencaigongyu', class: 'pinyin', grades: { 'JP-020': 2 } },
  { id: 'p05', index: 'policies', q: 'zhibojian', class: 'pinyin', grades: { 'JP-039': 2 } },
  { id: 'p06', index: 'mentors', q: 'fencai', class: 'pinyin', grades: { [m(2)]: 2, [m(8)]: 2 } },
  { id: 'p07', index: 'policies', q: 'rcgy', class: 'pinyin', grades: { 'JP-020': 2 } },
  { id: 'p08', index: 'policies', q: 'jdz', class: 'pinyin', grades: { 'JP-063': 2 } },
  { id: 'p09', index: 'mentors', q: 'qh', class: 'pinyin', grades: { [m(1)]: 2, [m(7)]: 2 } },
  { id: 'p10', index: 'policies', q: 'txc', class: 'pinyin', grades: { 'JP-064': 2 } },
  // Mixed Latin.
  { id: 'l01', index: 'policies', q: 'open call', class: 'latin', grades: { 'JP-063': 2 } },
  { id: 'l02', index: 'policies', q: 'residency', class: 'latin', grades: { 'JP-063': 2, 'JP-064': 2 } },
  { id: 'l03', index: 'policies', q: 'B类人才', class: 'latin', grades: { 'JP-011': 2, 'JP-010': 1, 'JP-020': 1, 'JP-022': 1, 'JP-023': 1, 'JP-024': 1, 'JP-025': 1 } },
  { id: 'l04', index: 'policies', q: 'A类', class: 'latin', grades: { 'JP-010': 2 } },
  { id: 'l05', index: 'policies', q: 'jingpiao', class: 'latin', grades: { 'JP-001': 2, 'JP-032': 1, 'JP-003': 1 } },
  // Latin typos (Damerau: a transposition is one typo; ≥ 9 letters allow two).
  { id: 'y01', index: 'policies', q: 'residnecy', class: 'typo', grades: { 'JP-063': 2, 'JP-064': 2 } },
  { id: 'y02', index: 'policies', q: 'foriegner', class: 'typo', grades: { 'JP-003': 2 } },
  { id: 'y03', index: 'policies', q: 'residancy', class: 'typo', grades: { 'JP-063': 2, 'JP-064': 2 } },
  { id: 'y04', index: 'policies', q: 'taoxichaun', class: 'typo', grades: { 'JP-038': 2, 'JP-039': 2, 'JP-064': 1 } },
  // Query + filter.
  { id: 'f01', index: 'policies', q: '补贴', filter: 'category = housing', class: 'filtered', grades: all2('JP-021', 'JP-022') },
  { id: 'f02', index: 'policies', q: '补贴', filter: 'category = startup', class: 'filtered', grades: all2('JP-033', 'JP-034', 'JP-035') },
  { id: 'f03', index: 'policies', q: '', filter: 'category = ich', class: 'filtered', grades: all2('JP-050', 'JP-051', 'JP-052', 'JP-054') },
  { id: 'f04', index: 'mentors', q: '青花', filter: 'acceptsApprentices = true', class: 'filtered', grades: { [m(1)]: 2 } },
  { id: 'f05', index: 'mentors', q: '粉彩', filter: 'district = 珠山区', class: 'filtered', grades: { [m(8)]: 2 } },
  // No answer: nothing should come back.
  { id: 'n01', index: 'policies', q: '火箭发射', class: 'none', grades: {} },
  { id: 'n02', index: 'policies', q: 'blockchain', class: 'none', grades: {} },
  { id: 'n03', index: 'policies', q: '外卖骑手', class: 'none', grades: {} },
  { id: 'n04', index: 'mentors', q: '量子计算', class: 'none', grades: {} },
];

/** Traditional / simplified spellings that must give the same top 10. */
export const PARITY_PAIRS: readonly { index: SearchIndexName; traditional: string; simplified: string }[] = [
  { index: 'policies', traditional: '社保補貼', simplified: '社保补贴' },
  { index: 'policies', traditional: '創業補貼', simplified: '创业补贴' },
  { index: 'policies', traditional: '人才購房', simplified: '人才购房' },
  { index: 'policies', traditional: '職稱獎勵', simplified: '职称奖励' },
  { index: 'policies', traditional: '國際工作室', simplified: '国际工作室' },
  { index: 'policies', traditional: '傳習補助', simplified: '传习补助' },
  { index: 'policies', traditional: '候鳥計劃', simplified: '候鸟计划' },
  { index: 'mentors', traditional: '顏色釉', simplified: '颜色釉' },
  { index: 'mentors', traditional: '青花勾線', simplified: '青花勾线' },
];
