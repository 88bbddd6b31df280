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
    employment: selfEmployed ? 'self_employed' : faker.helpers.arrayElement(['contract', 'informal']),
    businessForm: selfEmployed ? 'individual' : 'none',
    businessRegisteredDistrict: selfEmployed ? district : null,
    businessRegisteredDate: selfEmployed ? iso(faker.date.between({ from: '2018-01-01', to: '2026-09-01' })) : null,
    studioDistrict: selfEmployed ? district : null,
    studioAreaM2: selfEmployed ? faker.number.int({ min: 10, max: 120 }) : null,
    studioMonthlyRent: selfEmployed ? faker.number.int({ min: 4, max: 40 }) * 100 : null,
    ownsHomeInJdz: faker.number.int(99) < 12,
    titleLevel: title,
    skillLevel: faker.helpers.arrayElement(['none', 'none', 'none', '5', '4', '3', '2']),
    ichLevel: faker.helpers.weightedArrayElement([
      { weight: 96, value: 'none' },
      { weight: 3, value: 'municipal' },
      { weight: 1, value: 'provincial' },
    ]),
    honours: [],
    awards: [],
    exhibitions: [],
    zoneCode: zoneForDistrict(district),
    wizardStep: 5,
  };
}
