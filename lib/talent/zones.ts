/**
 * Which office serves a talent, from where they live: kept as configurable region data, not hard-coded in rules
 * (domain-talent-policy.md §6.2 notes the borders of 经开区 are unconfirmed). Null: no zone office; only the
 * district-wide roles see such a profile.
 */
export const DISTRICT_ZONE: Record<string, string> = {
  经开区: 'jkq',
  珠山区: 'zsq',
};

export const JDZ_DISTRICT_OPTIONS = ['珠山区', '昌江区', '浮梁县', '乐平市', '经开区'] as const;

export function zoneForDistrict(district: string | null | undefined): string | null {
  return district ? (DISTRICT_ZONE[district] ?? null) : null;
}
