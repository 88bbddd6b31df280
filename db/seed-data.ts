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
  // Issue 9: two 街道党工委 with their community and 陶艺街 branches, a company branch, an organisation outside the portal.
  jingchengCommittee: '6f1d0c3e-2b7a-4f51-9c1e-000000000007',
  jingchengCommunityBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000008',
  taoyiStreetJointBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000009',
  xinchangCommittee: '6f1d0c3e-2b7a-4f51-9c1e-000000000010',
  xinchangCommunityBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000011',
  qingyaoCompanyBranch: '6f1d0c3e-2b7a-4f51-9c1e-000000000012',
  externalZhuantang: '6f1d0c3e-2b7a-4f51-9c1e-000000000013',
} as const;

/** Org types, flags and contact points (domain-party.md §6): every organisation has them; none has a seeded QR token. */
const ISSUER = { mayIssue: true, mayReceive: true, hasProbationaryApproval: true, isExternal: false } as const;
const RECEIVER_ONLY = { mayIssue: false, mayReceive: true, hasProbationaryApproval: false, isExternal: false } as const;
const BRANCH = { mayIssue: false, mayReceive: false, hasProbationaryApproval: false, isExternal: false } as const;
const contact = (contactPerson: string, contactPhone: string, address: string, postalCode = '333000') => ({ contactPerson, contactPhone, address, postalCode });

export const PARTY_ORGS = [
  { id: ORG_IDS.districtCommittee, parentId: null, code: 'ZS-000', kind: 'committee', orgType: 'district_committee', ...ISSUER, ...contact('区委组织部组织科', '0798-8223001', '江西省景德镇市珠山区珠山中路 1 号'), nameZh: '中共景德镇市珠山区委员会', nameEn: 'CPC Zhushan District Committee' },
  { id: ORG_IDS.twoNewCommittee, parentId: ORG_IDS.districtCommittee, code: 'ZS-LX-00', kind: 'committee', orgType: 'primary_committee', ...ISSUER, ...contact('何文涛', '0798-8223018', '珠山区新厂东路 66 号区非公经济服务中心 3 楼'), nameZh: '珠山区两新组织党委', nameEn: 'Zhushan Non-public Sector Party Committee' },
  { id: ORG_IDS.jingpiaoBranch, parentId: ORG_IDS.twoNewCommittee, code: 'ZS-LX-01', kind: 'branch', orgType: 'mobile_branch', ...BRANCH, ...contact('王建华', '0798-8223102', '珠山区三宝文创中心“景漂”陶瓷流动党员服务中心'), nameZh: '景漂陶瓷流动党员党支部', nameEn: 'Jingpiao Ceramics Mobile Party Members Branch' },
  { id: ORG_IDS.taoxichuanBranch, parentId: ORG_IDS.twoNewCommittee, code: 'ZS-LX-02', kind: 'branch', orgType: 'joint_branch', ...BRANCH, ...contact('孙丽', '0798-8223115', '珠山区新厂西路 150 号陶溪川文创街区 B5 栋'), nameZh: '陶溪川文创街区联合党支部', nameEn: 'Taoxichuan Creative District Joint Branch' },
  { id: ORG_IDS.sanbaoBranch, parentId: ORG_IDS.twoNewCommittee, code: 'ZS-LX-03', kind: 'branch', orgType: 'branch', ...BRANCH, ...contact('程国平', '0798-8223127', '珠山区三宝国际陶艺村游客中心'), nameZh: '三宝国际陶艺村党支部', nameEn: 'Sanbao International Ceramic Village Branch' },
  { id: ORG_IDS.zoneOrgBranch, parentId: ORG_IDS.districtCommittee, code: 'ZS-JG-01', kind: 'branch', orgType: 'branch', ...BRANCH, ...contact('黄磊', '0798-8223066', '珠山区人才办 2 楼'), nameZh: '珠山区人才办机关党支部', nameEn: 'Zhushan Talent Office Branch' },
  { id: ORG_IDS.jingchengCommittee, parentId: ORG_IDS.districtCommittee, code: 'ZS-JC-00', kind: 'committee', orgType: 'working_committee', ...ISSUER, ...contact('郑晓燕', '0798-8225201', '珠山区竞成街道办事处 4 楼党建办'), nameZh: '中共景德镇市珠山区竞成街道工作委员会', nameEn: 'Jingcheng Subdistrict Working Committee' },
  { id: ORG_IDS.jingchengCommunityBranch, parentId: ORG_IDS.jingchengCommittee, code: 'ZS-JC-01', kind: 'branch', orgType: 'branch', ...BRANCH, ...contact('罗春梅', '0798-8225233', '珠山区竞成社区党群服务中心'), nameZh: '竞成社区党支部', nameEn: 'Jingcheng Community Branch' },
  { id: ORG_IDS.taoyiStreetJointBranch, parentId: ORG_IDS.jingchengCommittee, code: 'ZS-JC-02', kind: 'branch', orgType: 'joint_branch', ...BRANCH, ...contact('吴志远', '0798-8225247', '珠山区陶艺街中段“共产党员经营户”服务站'), nameZh: '陶艺街商户联合党支部', nameEn: 'Taoyi Street Shopkeepers Joint Branch' },
  { id: ORG_IDS.xinchangCommittee, parentId: ORG_IDS.districtCommittee, code: 'ZS-XC-00', kind: 'committee', orgType: 'working_committee', ...RECEIVER_ONLY, ...contact('邓海波', '0798-8226301', '珠山区新厂街道办事处 3 楼党建办'), nameZh: '中共景德镇市珠山区新厂街道工作委员会', nameEn: 'Xinchang Subdistrict Working Committee' },
  { id: ORG_IDS.xinchangCommunityBranch, parentId: ORG_IDS.xinchangCommittee, code: 'ZS-XC-01', kind: 'branch', orgType: 'branch', ...BRANCH, ...contact('许桂兰', '0798-8226322', '珠山区新厂社区党群服务中心'), nameZh: '新厂社区党支部', nameEn: 'Xinchang Community Branch' },
  { id: ORG_IDS.qingyaoCompanyBranch, parentId: ORG_IDS.xinchangCommittee, code: 'ZS-XC-02', kind: 'branch', orgType: 'branch', ...BRANCH, ...contact('胡青', '0798-8226358', '珠山区陶艺街 88 号'), nameZh: '景德镇青窑陶瓷文化有限公司党支部', nameEn: 'Jingdezhen Qingyao Ceramic Culture Co. Branch' },
  {
    id: ORG_IDS.externalZhuantang,
    parentId: null,
    code: 'EXT-ZJ-ZT-00',
    kind: 'committee',
    orgType: 'working_committee',
    mayIssue: true,
    mayReceive: true,
    hasProbationaryApproval: true,
    isExternal: true,
    ...contact('转塘街道党建办', '0571-87091234', '浙江省杭州市西湖区转塘街道办事处', '310024'),
    nameZh: '中共杭州市西湖区转塘街道工作委员会',
    nameEn: 'Zhuantang Subdistrict Working Committee, Xihu District, Hangzhou (outside the portal)',
  },
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
  // Issue 9: the organisers of §5.1 — the issuing committee and the receiving 街道党工委 (role branch_secretary, scoped by organisation).
  { email: 'committee@demo.local', phone: null, displayName: '何文涛（两新组织党委组织委员）', role: 'branch_secretary', zoneCode: null, orgId: ORG_IDS.twoNewCommittee },
  { email: 'jingcheng@demo.local', phone: null, displayName: '郑晓燕（竞成街道党工委）', role: 'branch_secretary', zoneCode: null, orgId: ORG_IDS.jingchengCommittee },
  { email: 'jcsq@demo.local', phone: null, displayName: '彭雅琴（竞成社区党支部书记）', role: 'branch_secretary', zoneCode: null, orgId: ORG_IDS.jingchengCommunityBranch },
  { email: 'xinchang@demo.local', phone: null, displayName: '邓海波（新厂街道党工委）', role: 'branch_secretary', zoneCode: null, orgId: ORG_IDS.xinchangCommittee },
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

/**
 * Demo Party members (issue 9 §2; invented people, valid check digits). `duesMonthsBehind` is counted from the month
 * the seed runs in (0 = paid through the current month), so the demo's alerts stay what they say whenever it runs.
 * 林青瓷 and 周窑 are linked to their accounts and have given the Party consent; the others are not linked.
 */
export const PARTY_MEMBER_IDS = {
  linQingci: '7a2e4b10-5c3d-4e8f-a1b2-000000000001',
  zhouYao: '7a2e4b10-5c3d-4e8f-a1b2-000000000002',
  zhangHaiming: '7a2e4b10-5c3d-4e8f-a1b2-000000000003',
  liXiaoyu: '7a2e4b10-5c3d-4e8f-a1b2-000000000004',
  wangGuifang: '7a2e4b10-5c3d-4e8f-a1b2-000000000005',
  chenZhigang: '7a2e4b10-5c3d-4e8f-a1b2-000000000006',
  liuXiaodong: '7a2e4b10-5c3d-4e8f-a1b2-000000000007',
  zhaoMin: '7a2e4b10-5c3d-4e8f-a1b2-000000000008',
  sunWei: '7a2e4b10-5c3d-4e8f-a1b2-000000000009',
} as const;

export interface DemoPartyMember {
  id: string;
  /** The linked account (it gets the Party consent), if any. */
  userEmail: string | null;
  name: string;
  /** 民族 (汉族 when not given). */
  ethnicity?: string;
  idCardNo: string;
  phone: string;
  membershipType: 'formal' | 'probationary';
  joinDate: string;
  probationEndDate: string | null;
  regularDate: string | null;
  formalOrgId: string;
  duesBaseType: 'salary' | 'annual_salary' | 'self_employed' | 'retired' | 'farmer' | 'student_unemployed';
  duesBaseAmount: string;
  duesMonthsBehind: number;
}

export const DEMO_PARTY_MEMBERS: readonly DemoPartyMember[] = [
  // 正式党员 of the 景漂 branch, dues paid through the current month: she can apply for a transfer.
  { id: PARTY_MEMBER_IDS.linQingci, userEmail: 'lin.qingci@demo.local', name: '林青瓷', idCardNo: '360203198809020224', phone: '13970381122', membershipType: 'formal', joinDate: '2012-06-28', probationEndDate: '2013-06-28', regularDate: '2013-06-28', formalOrgId: ORG_IDS.jingpiaoBranch, duesBaseType: 'self_employed', duesBaseAmount: '4200.00', duesMonthsBehind: 0 },
  // 流动党员: the formal relationship is in Hangzhou, outside the portal (an incoming letter brings it here).
  { id: PARTY_MEMBER_IDS.zhouYao, userEmail: 'zhou.yao@demo.local', name: '周窑', idCardNo: '36020319751111037X', phone: '18979841256', membershipType: 'formal', joinDate: '2001-07-01', probationEndDate: '2002-07-01', regularDate: '2002-07-01', formalOrgId: ORG_IDS.externalZhuantang, duesBaseType: 'self_employed', duesBaseAmount: '6800.00', duesMonthsBehind: 0 },
  { id: PARTY_MEMBER_IDS.zhangHaiming, userEmail: null, name: '张海明', idCardNo: '360202198503170151', phone: '13607981501', membershipType: 'formal', joinDate: '2008-05-04', probationEndDate: '2009-05-04', regularDate: '2009-05-04', formalOrgId: ORG_IDS.jingpiaoBranch, duesBaseType: 'self_employed', duesBaseAmount: '3500.00', duesMonthsBehind: 0 },
  // 预备党员 whose probation has ended without conversion (PROBATION_EXPIRED).
  { id: PARTY_MEMBER_IDS.liXiaoyu, userEmail: null, name: '李小雨', idCardNo: '360203199605210442', phone: '15807982244', membershipType: 'probationary', joinDate: '2025-03-15', probationEndDate: '2026-03-15', regularDate: null, formalOrgId: ORG_IDS.jingpiaoBranch, duesBaseType: 'salary', duesBaseAmount: '2850.50', duesMonthsBehind: 0 },
  // Dues in arrears for four months (DUES_ARREARS, warning).
  { id: PARTY_MEMBER_IDS.wangGuifang, userEmail: null, name: '王桂芳', idCardNo: '360222197908120268', phone: '13879863326', membershipType: 'formal', joinDate: '2003-10-10', probationEndDate: '2004-10-10', regularDate: '2004-10-10', formalOrgId: ORG_IDS.taoxichuanBranch, duesBaseType: 'self_employed', duesBaseAmount: '5100.00', duesMonthsBehind: 4 },
  { id: PARTY_MEMBER_IDS.chenZhigang, userEmail: null, name: '陈志刚', idCardNo: '360281198301090511', phone: '13979826651', membershipType: 'formal', joinDate: '2006-07-01', probationEndDate: '2007-07-01', regularDate: '2007-07-01', formalOrgId: ORG_IDS.sanbaoBranch, duesBaseType: 'salary', duesBaseAmount: '6200.00', duesMonthsBehind: 0 },
  { id: PARTY_MEMBER_IDS.liuXiaodong, userEmail: null, name: '刘晓东', idCardNo: '360203199006240738', phone: '18179887273', membershipType: 'formal', joinDate: '2014-12-01', probationEndDate: '2015-12-01', regularDate: '2015-12-01', formalOrgId: ORG_IDS.jingchengCommunityBranch, duesBaseType: 'salary', duesBaseAmount: '4500.00', duesMonthsBehind: 0 },
  { id: PARTY_MEMBER_IDS.zhaoMin, userEmail: null, name: '赵敏', idCardNo: '360203198704050881', phone: '13767988808', membershipType: 'formal', joinDate: '2011-06-20', probationEndDate: '2012-06-20', regularDate: '2012-06-20', formalOrgId: ORG_IDS.taoyiStreetJointBranch, duesBaseType: 'self_employed', duesBaseAmount: '3800.00', duesMonthsBehind: 0 },
  { id: PARTY_MEMBER_IDS.sunWei, userEmail: null, name: '孙伟', idCardNo: '362330199211300193', phone: '15979850019', membershipType: 'formal', joinDate: '2016-04-22', probationEndDate: '2017-04-22', regularDate: '2017-04-22', formalOrgId: ORG_IDS.qingyaoCompanyBranch, duesBaseType: 'salary', duesBaseAmount: '5600.00', duesMonthsBehind: 0 },
];
