import { isMessageKey, type MessageKey, type Translator } from '@/lib/i18n';

/** A facet value as people read it: categories and levels through the policy dictionaries, booleans as 是/否. */
export function facetValueLabel(t: Translator, field: string, value: string): string {
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'search.yes' : 'search.no');
  const key = field === 'category' ? `policy.category_${value}` : field === 'level' ? `policyStaff.level_${value}` : '';
  return key && isMessageKey(key) ? t(key as MessageKey) : value;
}

export const facetLabel = (t: Translator, field: string): string => {
  const key = `search.facet_${field}`;
  return isMessageKey(key) ? t(key as MessageKey) : field;
};

/** Mentors' `crafts` hold names and codes: the facet shows the names. */
export const displayableFacetValue = (field: string, value: string) => !(field === 'crafts' && /^[a-z0-9_-]+$/.test(value));
