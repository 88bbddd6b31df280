import type { Faker } from '@faker-js/faker';
import { CRAFT_CODES } from '@/lib/talent/crafts';
import { JDZ_DISTRICT_OPTIONS, zoneForDistrict } from '@/lib/talent/zones';
import type { talentProfiles } from './schema';

/**
 * A plausible, deterministic synthetic 景漂 profile for benchmarks and large demos (driven by a seeded faker).
 * Distributions follow domain-talent-policy.md §1.1: young, mostly 大专/本科, self-employed, ceramics first.
 */
export function syntheticProfile(faker: Faker, userId: string, name: string): typeof talentProfiles.$inferInsert {
  const district = faker.helpers.weightedArrayElement([
    { weight: 45, value: JDZ_DISTRICT_OPTIONS[0] },
    { weight: 25, value: JDZ_DISTRICT_OPTIONS[4] },
    { weight: 15, value: JDZ_DISTRICT_OPTIONS[1] },
    { weight: 10, value: JDZ_DISTRICT_OPTIONS[2] },
    { weight: 5, value: JDZ_DISTRICT_OPTIONS[3] },
  ]);
  const foreign = faker.number.int(99) < 4;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const birth = faker.date.between({ from: '1968-01-01', to: '2006-06-30' });
  const grad = new Date(birth.getTime() + faker.number.int({ min: 19, max: 27 }) * 365.25 * 86_400_000);
  const education = faker.helpers.weightedArrayElement([
    { weight: 8, value: '中专' },
    { weight: 6, value: '高中' },
    { weight: 30, value: '大专' },
    { weight: 42, value: '本科' },
    { weight: 12, value: '硕士' },
    { weight: 2, value: '博士' },
  ]);
  const title = faker.helpers.weightedArrayElement([
    { weight: 70, value: 'none' },
    { weight: 10, value: '员级' },
    { weight: 10, value: '助理' },
    { weight: 6, value: '中级' },
    { weight: 3, value: '副高' },
    { weight: 1, value: '正高' },
  ]);
  const selfEmployed = faker.number.int(99) < 65;
  const employment = faker.helpers.arrayElement(['contract', 'contract', 'informal'] as const);
  /** The value with the given percentage, else null (unknown). */
  const maybe = <T>(percent: number, value: () => T): T | null => (faker.number.int(99) < percent ? value() : null);
  return {
    userId,
    legalName: name,
    nationality: foreign ? faker.helpers.arrayElement(['JP', 'KR', 'US', 'GB', 'FR', 'DE']) : 'CN',
    hukouProvince: foreign ? null : faker.helpers.arrayElement(['江西', '湖南', '广东', '浙江', '河南', '四川', '福建']),
    hukouCity: foreign ? null : faker.helpers.weightedArrayElement([
      { weight: 15, value: '景德镇' },
      { weight: 85, value: faker.helpers.arrayElement(['南昌', '长沙', '广州', '杭州', '郑州', '成都', '福州']) },
    ]),
    birthDate: iso(birth),
    residenceSince: iso(faker.date.between({ from: '2012-01-01', to: '2026-10-01' })),
    residenceDistrict: district,
    education,
    graduationDate: grad.getTime() < Date.now() ? iso(grad) : null,
    practiceStart: iso(faker.date.between({ from: grad < new Date('2026-01-01') ? grad : '2025-01-01', to: '2026-09-01' })),
    sector: faker.helpers.weightedArrayElement([
      { weight: 70, value: '陶瓷' },
      { weight: 10, value: '设计' },
      { weight: 10, value: '艺术' },
      { weight: 5, value: '文化创意' },
      { weight: 5, value: '非遗手工艺' },
    ]),
    crafts: faker.helpers.arrayElements(CRAFT_CODES, { min: 1, max: 3 }),
    employment: selfEmployed ? 'self_employed' : employment,
    employerDistrict: employment === 'contract' && !selfEmployed ? district : null,
    // Like real profiles, some answers are missing (null = unknown): people fill in what they were asked for.
    socialInsuranceMonthsJdz: maybe(70, () => (employment === 'contract' || selfEmployed ? faker.number.int({ min: 0, max: 72 }) : 0)),
    businessForm: selfEmployed ? 'individual' : 'none',
    businessRegisteredDistrict: selfEmployed ? district : null,
    businessRegisteredDate: selfEmployed ? iso(faker.date.between({ from: '2018-01-01', to: '2026-09-01' })) : null,
    businessFirstTime: selfEmployed ? maybe(80, () => faker.number.int(99) < 75) : null,
    businessEmployeesInsured: selfEmployed ? maybe(60, () => faker.helpers.weightedArrayElement([{ weight: 70, value: 0 }, { weight: 25, value: faker.number.int({ min: 1, max: 4 }) }, { weight: 5, value: faker.number.int({ min: 5, max: 20 }) }])) : null,
    studioDistrict: selfEmployed ? district : null,
    studioLeaseMonths: selfEmployed ? maybe(75, () => faker.helpers.arrayElement([6, 12, 12, 24, 36])) : null,
    studioAreaM2: selfEmployed ? faker.number.int({ min: 10, max: 120 }) : null,
    studioMonthlyRent: selfEmployed ? faker.number.int({ min: 4, max: 40 }) * 100 : null,
    studioGovernmentFree: selfEmployed ? maybe(75, () => faker.number.int(99) < 10) : null,
    ownsHomeInJdz: maybe(85, () => faker.number.int(99) < 12),
    titleLevel: title,
    titleDate: title === 'none' ? null : iso(faker.date.between({ from: '2010-01-01', to: '2026-06-01' })),
    skillLevel: faker.helpers.arrayElement(['none', 'none', 'none', '5', '4', '3', '2']),
    ichLevel: faker.helpers.weightedArrayElement([
      { weight: 96, value: 'none' },
      { weight: 3, value: 'municipal' },
      { weight: 1, value: 'provincial' },
    ]),
    honours: faker.number.int(999) < 25 ? [{ id: `h${userId.slice(0, 6)}`, type: faker.helpers.arrayElement(['市级大师', '市级大师', '省级工艺美术大师']), province: '江西', year: faker.number.int({ min: 2005, max: 2025 }) }] : [],
    awards:
      faker.number.int(99) < 12
        ? [{ id: `a${userId.slice(0, 6)}`, level: faker.helpers.arrayElement(['municipal', 'provincial', 'national']), rank: faker.helpers.arrayElement(['gold', 'silver', 'bronze', 'other']), year: faker.number.int({ min: 2019, max: 2026 }) }]
        : [],
    exhibitions: faker.number.int(99) < 15 ? [{ id: `e${userId.slice(0, 6)}`, level: faker.helpers.arrayElement(['municipal', 'provincial', 'national', 'international']), year: faker.number.int({ min: 2019, max: 2026 }) }] : [],
    commitmentYears: maybe(30, () => faker.number.int({ min: 1, max: 5 })),
    retired: maybe(60, () => birth.getUTCFullYear() < 1966),
    creditBad: maybe(60, () => faker.number.int(99) < 3),
    registeredUnemployed: maybe(40, () => faker.number.int(99) < 5),
    zoneCode: zoneForDistrict(district),
    wizardStep: 5,
  };
}
