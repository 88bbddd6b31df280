/**
 * The versioned privacy notice (PIPL 个人信息保护法 arts. 14, 17, 29): one notice, two separate consents —
 * `profile` (the profile and portfolio, needed to use the portal) and `sensitive` (ID or passport number and evidence
 * photos, 敏感个人信息, separate consent). A consent row stores the version and the SHA-256 of the exact text shown.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11-01';

export const PRIVACY_NOTICE = {
  'zh-CN': {
    title: '个人信息处理告知书',
    profile:
      '我同意珠山区人才服务门户为提供人才登记、政策匹配、空间预约和大师带教服务，处理我填写的个人资料和作品信息。资料仅用于上述服务，保存至我注销账户后 30 日；我可以随时查看、更正、导出或撤回同意。',
    sensitive:
      '我单独同意门户为核验身份和认定职称、荣誉、非遗等级，处理我的身份证件号码和证明材料照片（敏感个人信息）。号码加密保存，页面上只显示部分数字；工作人员查看完整号码须说明理由并留痕。撤回后门户将删除这些信息，相关认定将无法办理。',
  },
  en: {
    title: 'Notice on the processing of personal information',
    profile:
      'I agree that the Zhushan talent portal processes the profile and works I enter in order to provide registration, policy matching, space booking and mentoring. The data is used for these services only and kept until 30 days after I close my account; I can view, correct, export it or withdraw consent at any time.',
    sensitive:
      'I separately agree that the portal processes my ID or passport number and evidence photos (sensitive personal information) to verify my identity and my titles, honours and ICH status. The number is stored encrypted and shown only partly; staff who open the full number must state a reason, which is logged. If I withdraw, the portal deletes this information and such verifications can no longer be made.',
  },
} as const;
