import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import { CRAFT_GROUPS, CRAFTS, craftByCode, type CraftGroup } from '@/lib/talent/crafts';
import type { AWARD_RANKS, BUSINESS_FORMS, EDUCATION, EMPLOYMENT, HONOUR_TYPES, ICH_LEVELS, RECORD_LEVELS, SECTORS, TITLE_LEVELS } from '@/lib/talent/profile-schema';

/**
 * Labels for the canonical enum values (their spellings are a contract and partly Chinese, so the dictionary is
 * keyed by ASCII names and mapped here). Pure: usable from server and client components.
 */
export const EDUCATION_LABEL: Record<(typeof EDUCATION)[number], MessageKey> = {
  none: 'enums.eduNone',
  中专: 'enums.eduVocational',
  高中: 'enums.eduHighSchool',
  大专: 'enums.eduJuniorCollege',
  本科: 'enums.eduBachelor',
  硕士: 'enums.eduMaster',
  博士: 'enums.eduDoctor',
};

export const SECTOR_LABEL: Record<(typeof SECTORS)[number], MessageKey> = {
  陶瓷: 'enums.sectorCeramics',
  文化创意: 'enums.sectorCreative',
  设计: 'enums.sectorDesign',
  非遗手工艺: 'enums.sectorIch',
  艺术: 'enums.sectorArt',
  other: 'enums.sectorOther',
};

export const EMPLOYMENT_LABEL: Record<(typeof EMPLOYMENT)[number], MessageKey> = {
  contract: 'enums.empContract',
  self_employed: 'enums.empSelf',
  informal: 'enums.empInformal',
  none: 'enums.empNone',
};

export const TITLE_LABEL: Record<(typeof TITLE_LEVELS)[number], MessageKey> = {
  none: 'enums.titleNone',
  员级: 'enums.titleJunior',
  助理: 'enums.titleAssistant',
  中级: 'enums.titleIntermediate',
  副高: 'enums.titleAssociateSenior',
  正高: 'enums.titleSenior',
};

export const SKILL_LABEL: Record<'none' | '5' | '4' | '3' | '2' | '1', MessageKey> = {
  none: 'enums.skillNone',
  '5': 'enums.skill5',
  '4': 'enums.skill4',
  '3': 'enums.skill3',
  '2': 'enums.skill2',
  '1': 'enums.skill1',
};

export const HONOUR_LABEL: Record<(typeof HONOUR_TYPES)[number], MessageKey> = {
  中国工艺美术大师: 'enums.honourNationalCrafts',
  中国陶瓷艺术大师: 'enums.honourNationalCeramics',
  省级工艺美术大师: 'enums.honourProvincialCrafts',
  市级大师: 'enums.honourMunicipal',
  中华技能大奖: 'enums.honourSkillsAward',
  全国技术能手: 'enums.honourTechnicalExpert',
};

export const ICH_LABEL: Record<(typeof ICH_LEVELS)[number], MessageKey> = {
  none: 'enums.ichNone',
  national: 'enums.levelNational',
  provincial: 'enums.levelProvincial',
  municipal: 'enums.levelMunicipal',
  county: 'enums.levelCounty',
};

export const RECORD_LEVEL_LABEL: Record<(typeof RECORD_LEVELS)[number], MessageKey> = {
  international: 'enums.levelInternational',
  national: 'enums.levelNational',
  provincial: 'enums.levelProvincial',
  municipal: 'enums.levelMunicipal',
};

export const AWARD_RANK_LABEL: Record<(typeof AWARD_RANKS)[number], MessageKey> = {
  gold: 'enums.rankGold',
  silver: 'enums.rankSilver',
  bronze: 'enums.rankBronze',
  nomination: 'enums.rankNomination',
  other: 'enums.rankOther',
};

export const BUSINESS_FORM_LABEL: Record<(typeof BUSINESS_FORMS)[number], MessageKey> = {
  individual: 'enums.bizIndividual',
  company: 'enums.bizCompany',
  partnership: 'enums.bizPartnership',
  none: 'enums.bizNone',
};

export type VerificationState = 'claimed' | 'pending' | 'verified' | 'rejected';
export const VERIFICATION_LABEL: Record<VerificationState, MessageKey> = {
  claimed: 'profile.stateClaimed',
  pending: 'profile.statePending',
  verified: 'profile.stateVerified',
  rejected: 'profile.stateRejected',
};
export const VERIFICATION_TONE: Record<VerificationState, 'neutral' | 'warning' | 'success' | 'danger'> = {
  claimed: 'neutral',
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
};

/** Label of an enum value, or the raw value when it is not one we know (data from an older version). */
export function enumLabel<K extends string>(t: Translator, map: Record<K, MessageKey>, value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const key = (map as Record<string, MessageKey | undefined>)[String(value)];
  return key ? t(key) : String(value);
}

/** Joins short labels the way each language lists them (、 in Chinese). */
export function joinList(items: string[], locale: Locale): string {
  return items.join(locale === 'en' ? ', ' : '、');
}

export function craftLabel(code: string, locale: Locale): string {
  const c = craftByCode(code);
  return c ? (locale === 'en' ? c.en : c.zh) : code;
}

export function craftGroupLabel(group: CraftGroup, locale: Locale): string {
  return locale === 'en' ? CRAFT_GROUPS[group].en : CRAFT_GROUPS[group].zh;
}

/** Crafts grouped in taxonomy order, for chips and selects. */
export function craftsByGroup(): { group: CraftGroup; crafts: (typeof CRAFTS)[number][] }[] {
  return (Object.keys(CRAFT_GROUPS) as CraftGroup[]).map((group) => ({ group, crafts: CRAFTS.filter((c) => c.group === group) }));
}

/**
 * Common nationalities of people who register (ISO 3166-1 alpha-2), with names in both languages; anything else is
 * entered as a two-letter code. A fixed list rather than Intl.DisplayNames, so server and phone render the same text.
 */
export const COUNTRIES: readonly { code: string; zh: string; en: string }[] = [
  { code: 'CN', zh: '中国', en: 'China' },
  { code: 'JP', zh: '日本', en: 'Japan' },
  { code: 'KR', zh: '韩国', en: 'South Korea' },
  { code: 'US', zh: '美国', en: 'United States' },
  { code: 'GB', zh: '英国', en: 'United Kingdom' },
  { code: 'FR', zh: '法国', en: 'France' },
  { code: 'DE', zh: '德国', en: 'Germany' },
  { code: 'IT', zh: '意大利', en: 'Italy' },
  { code: 'ES', zh: '西班牙', en: 'Spain' },
  { code: 'NL', zh: '荷兰', en: 'Netherlands' },
  { code: 'RU', zh: '俄罗斯', en: 'Russia' },
  { code: 'AU', zh: '澳大利亚', en: 'Australia' },
  { code: 'NZ', zh: '新西兰', en: 'New Zealand' },
  { code: 'CA', zh: '加拿大', en: 'Canada' },
  { code: 'SG', zh: '新加坡', en: 'Singapore' },
  { code: 'MY', zh: '马来西亚', en: 'Malaysia' },
  { code: 'TH', zh: '泰国', en: 'Thailand' },
];

export function countryLabel(code: string | null | undefined, locale: Locale): string | null {
  if (!code) return null;
  const c = COUNTRIES.find((x) => x.code === code);
  return c ? (locale === 'en' ? c.en : c.zh) : code;
}

const DISTRICT_EN: Record<string, string> = {
  珠山区: 'Zhushan District',
  昌江区: 'Changjiang District',
  浮梁县: 'Fuliang County',
  乐平市: 'Leping',
  经开区: 'Economic Development Zone',
};

/** A Jingdezhen district in the reader's language; other places are shown as typed. */
export function districtLabel(name: string | null | undefined, locale: Locale): string | null {
  if (!name) return null;
  return locale === 'en' && DISTRICT_EN[name] ? `${DISTRICT_EN[name]} (${name})` : name;
}
