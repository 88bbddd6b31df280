/** Ids of the seeded demo mentors (db/seed-mentors.ts), importable by the e2e crawl and specs without the schema. */
export const MENTOR_IDS = {
  wangQinglan: '3e470000-0000-4000-8000-000000000001',
  chengYutong: '3e470000-0000-4000-8000-000000000002',
  zouQiming: '3e470000-0000-4000-8000-000000000003',
  huZhensheng: '3e470000-0000-4000-8000-000000000004',
  suNian: '3e470000-0000-4000-8000-000000000005',
  wuShouyao: '3e470000-0000-4000-8000-000000000006',
  fangSuxin: '3e470000-0000-4000-8000-000000000007',
  linQingci: '3e470000-0000-4000-8000-000000000008',
  zhouYao: '3e470000-0000-4000-8000-000000000009',
} as const;
