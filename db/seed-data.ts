/**
 * Deterministic demo data (no network, no randomness): zones, the Party organisation tree and one account per role.
 * Names are realistic but invented. Used by scripts/seed.ts and by tests that need the same shapes.
 */
export const DEMO_PASSWORD = 'Jingpiao-2026';

export const ZONES = [
  { code: 'jkq', nameZh: '景德镇高新技术产业开发区（经开区）', nameEn: 'Jingdezhen Hi-tech Development Zone' },
  { code: 'zsq', nameZh: '珠山区人才办', nameEn: 'Zhushan District Talent Office' },
] as const;

export const ORG_IDS = {
  districtCommittee: '6f1d0c3e-2b7a-4f51-9c1e-000000000001',
  twoNewCommittee: '6f1d0c3e-2b7a-4f51-9c1e-000000000002',
  jingpiaoBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000003',
  taoxichuanBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000004',
  sanbaoBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000005',
  zoneOrgBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000006',
} as const;

export const PARTY_ORGS = [
  { id: ORG_IDS.districtCommittee, parentId: null, code: 'ZS-000', kind: 'committee', nameZh: '中共景德镇市珠山区委员会', nameEn: 'CPC Zhushan District Committee' },
  { id: ORG_IDS.twoNewCommittee, parentId: ORG_IDS.districtCommittee, code: 'ZS-LX-00', kind: 'committee', nameZh: '珠山区两新组织党委', nameEn: 'Zhushan Non-public Sector Party Committee' },
  { id: ORG_IDS.jingpiaoBranch, parentId: ORG_IDS.twoNewCommittee, code: 'ZS-LX-01', kind: 'branch', nameZh: '景漂陶瓷流动党员党支部', nameEn: 'Jingpiao Ceramics Mobile Party Members Branch' },
  { id: ORG_IDS.taoxichuanBranch, parentId: ORG_IDS.twoNewCommittee, code: 'ZS-LX-02', kind: 'branch', nameZh: '陶溪川文创街区联合党支部', nameEn: 'Taoxichuan Creative District Joint Branch' },
  { id: ORG_IDS.sanbaoBranch, parentId: ORG_IDS.twoNewCommittee, code: 'ZS-LX-03', kind: 'branch', nameZh: '三宝国际陶艺村党支部', nameEn: 'Sanbao International Ceramic Village Branch' },
  { id: ORG_IDS.zoneOrgBranch, parentId: ORG_IDS.districtCommittee, code: 'ZS-JG-01', kind: 'branch', nameZh: '珠山区人才办机关党支部', nameEn: 'Zhushan Talent Office Branch' },
] as const;

export function orgPath(id: string): string {
  const chain: string[] = [];
  let cur: string | null = id;
  while (cur) {
    chain.unshift(cur);
    cur = PARTY_ORGS.find((o) => o.id === cur)?.parentId ?? null;
  }
  return `/${chain.join('/')}/`;
}

export const DEMO_USERS = [
  { email: 'talent@demo.local', phone: '13807981234', displayName: '陈思远', role: 'talent', zoneCode: null, orgId: null },
  { email: 'staff@demo.local', phone: null, displayName: '刘敏（经开区）', role: 'zone_staff', zoneCode: 'jkq', orgId: null },
  { email: 'secretary@demo.local', phone: null, displayName: '王建华（支部书记）', role: 'branch_secretary', zoneCode: null, orgId: ORG_IDS.jingpiaoBranch },
  { email: 'orgdept@demo.local', phone: null, displayName: '赵雪（区委组织部）', role: 'org_admin', zoneCode: null, orgId: null },
  { email: 'admin@demo.local', phone: null, displayName: '系统管理员', role: 'sysadmin', zoneCode: null, orgId: null },
] as const;

/** A few more people so lists are not empty; phones are fictional 0798-area mobile prefixes. */
export const EXTRA_USERS = [
  { email: 'lin.qingci@demo.local', phone: '13970381122', displayName: '林青瓷', role: 'talent', zoneCode: null, orgId: null },
  { email: 'emma.wright@demo.local', phone: null, displayName: 'Emma Wright', role: 'talent', zoneCode: null, orgId: null },
  { email: 'zhou.yao@demo.local', phone: '18979841256', displayName: '周窑', role: 'talent', zoneCode: null, orgId: null },
  { email: 'staff2@demo.local', phone: null, displayName: '黄磊（人才办）', role: 'zone_staff', zoneCode: 'zsq', orgId: null },
  { email: 'secretary2@demo.local', phone: null, displayName: '孙丽（陶溪川支部）', role: 'branch_secretary', zoneCode: null, orgId: ORG_IDS.taoxichuanBranch },
] as const;

/**
 * Profiles of the seeded talents (all consents given). 陈思远 and 周窑 live in 经开区, so staff@demo.local sees them;
 * 林青瓷 lives in 珠山区 (staff2@demo.local). Values are invented but typical (domain-talent-policy.md §1.1).
 */
export const DEMO_TALENT_PROFILES: Record<string, Record<string, unknown>> = {
  'talent@demo.local': {
    legalName: '陈思远',
    nationality: 'CN',
    hukouProvince: '湖南',
    hukouCity: '醴陵',
    birthDate: '1999-04-18',
    residenceSince: '2024-03-01',
    residenceDistrict: '经开区',
    education: '本科',
    graduationDate: '2022-06-30',
    practiceStart: '2022-09-01',
    sector: '陶瓷',
    crafts: ['qinghua_outline', 'throwing_round'],
    employment: 'self_employed',
    businessForm: 'individual',
    businessRegisteredDistrict: '经开区',
    businessRegisteredDate: '2024-05-20',
    businessFirstTime: true,
    studioDistrict: '经开区',
    studioLeaseMonths: 12,
    studioAreaM2: 25,
    studioMonthlyRent: 600,
    studioGovernmentFree: false,
    ownsHomeInJdz: false,
    titleLevel: 'none',
    skillLevel: 'none',
    ichLevel: 'none',
    honours: [],
    awards: [{ id: 'aw-bhj-2025', level: 'municipal', rank: 'silver', year: 2025, name: '景德镇陶瓷艺术百花奖' }],
    exhibitions: [],
    bio: '湖南醴陵人，景德镇陶瓷大学毕业后留在景德镇，做青花勾线和拉坯。',
    showcaseEnabled: true,
    showcaseSlug: 'chen-siyuan',
    wizardStep: 5,
  },
  'lin.qingci@demo.local': {
    legalName: '林青瓷',
    nationality: 'CN',
    hukouProvince: '江西',
    hukouCity: '景德镇',
    birthDate: '1988-09-02',
    residenceSince: '2010-09-01',
    residenceDistrict: '珠山区',
    education: '大专',
    graduationDate: '2009-07-01',
    practiceStart: '2009-08-01',
    sector: '陶瓷',
    crafts: ['famille_rose', 'new_colours'],
    employment: 'self_employed',
    titleLevel: '中级',
    titleDate: '2019-12-01',
    ichLevel: 'none',
    honours: [{ id: 'hn-city-2023', type: '市级大师', province: '江西', year: 2023 }],
    showcaseEnabled: true,
    showcaseSlug: 'lin-qingci',
    wizardStep: 5,
  },
  'emma.wright@demo.local': {
    legalName: 'Emma Wright',
    nationality: 'GB',
    birthDate: '1994-01-25',
    residenceSince: '2025-09-01',
    residenceDistrict: '经开区',
    education: '硕士',
    graduationDate: '2019-07-01',
    practiceStart: '2016-01-01',
    sector: '艺术',
    crafts: ['sculpture', 'hand_building'],
    employment: 'informal',
    wizardStep: 2,
  },
  'zhou.yao@demo.local': {
    legalName: '周窑',
    nationality: 'CN',
    hukouProvince: '江西',
    hukouCity: '景德镇',
    birthDate: '1975-11-11',
    residenceDistrict: '经开区',
    education: '中专',
    practiceStart: '1993-03-01',
    sector: '非遗手工艺',
    crafts: ['wood_firing', 'kiln_loading'],
    employment: 'self_employed',
    ichLevel: 'municipal',
    ichProject: '景德镇传统柴窑烧制技艺',
    ichYear: 2021,
    showcaseEnabled: true,
    showcaseSlug: 'zhou-yao',
    wizardStep: 5,
  },
};
