/**
 * Which office serves a talent, from where they live: kept as configurable region data, not hard-coded in rules
 * (domain-talent-policy.md §6.2 notes the borders of 经开区 are unconfirmed). Nobody is left without an office
 * (issue 14 §3): a district no zone office covers (昌江区, 浮梁县, 乐平市, elsewhere) or no district at all goes to
 * DEFAULT_ZONE, and staff may reassign a talent to another office (lib/talent/directory.ts assignTalentZone), which
 * then sticks when the person moves.
 */
export const DISTRICT_ZONE: Record<string, string> = {
  经开区: 'jkq',
  珠山区: 'zsq',
};

export const JDZ_DISTRICT_OPTIONS = ['珠山区', '昌江区', '浮梁县', '乐平市', '经开区'] as const;

/** The office for everyone outside the districts above: 珠山区人才办, where the 景漂 service bureau sits. */
export const DEFAULT_ZONE = 'zsq';

export function zoneForDistrict(district: string | null | undefined): string {
  return (district ? DISTRICT_ZONE[district] : undefined) ?? DEFAULT_ZONE;
}
