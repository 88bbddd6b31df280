/**
 * The separate notice for Party data (PIPL arts. 29–30, domain-party.md §4.1, §7.1 "Consent: 单独同意 for S1 fields
 * plus notice"): a talent who is a Party member agrees, separately from the profile consents, that the portal links
 * their account to the Party record their organisation keeps. A consent row of kind `party` stores the version and
 * the SHA-256 of the exact text (lib/party/members.ts). Isomorphic.
 */
export const PARTY_NOTICE_VERSION = '2026-12-01';

export const PARTY_NOTICE = {
  'zh-CN': {
    title: '党员信息处理单独告知',
    body:
      '我单独同意珠山区人才服务门户将我的账户与党组织保存的我的党员档案关联，以便我在“我的党组织”中查看本人的组织关系、党员类别、党费交纳情况和组织关系转接进度。党员身份、党籍状态和党费数额属于敏感个人信息：门户加密保存，只有我所在党组织及其上级党组织的工作人员可以按职责查看，每次查看均留痕；园区工作人员和系统管理员无法查看。我可以随时撤回同意，撤回后门户解除账户关联，党组织保存的档案不受影响。',
  },
  en: {
    title: 'Separate notice on Party-member data',
    body:
      'I separately agree that the Zhushan talent portal links my account to the Party-member record my organisation keeps, so that I can see my organisational relationship, membership type, dues and the progress of any transfer under "My Party organisation". Party membership, status and dues amounts are sensitive personal information: the portal stores them encrypted; only staff of my organisation and the organisations above it may see them for their duties, and every view is logged; zone staff and system administrators cannot see them. I can withdraw at any time; the portal then unlinks my account, and the record my organisation keeps is not affected.',
  },
} as const;
