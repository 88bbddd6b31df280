import { describe, expect, it } from 'vitest';
import { patchFor } from '@/components/policy/field-question';
import { askedProfileFields } from './asked-fields';

describe('askedProfileFields', () => {
  const profile = { legal_name: '陈思远', id_number: '3601**********1234', crafts: ['青花'], works_count: { solo: 1 }, education: '本科', birth_date: '1990-01-01' };
  const data = { missingFields: ['education'], nextQuestion: 'works_count.group', results: [{ missingFields: ['crafts'] }, { missingFields: [] }] };

  it('keeps only the top-level fields a question on the page can write', () => {
    expect(askedProfileFields(profile, data)).toEqual({ crafts: ['青花'], works_count: { solo: 1 }, education: '本科' });
  });

  it('gives patchFor the same patch as the whole profile would for every asked field', () => {
    const picked = askedProfileFields(profile, data);
    for (const [f, v] of [['works_count.group', 2], ['crafts', ['粉彩']], ['education', '硕士']] as const) expect(patchFor(f, v, picked)).toEqual(patchFor(f, v, profile));
  });

  it('sends nothing when nothing is asked', () => {
    expect(askedProfileFields(profile, { missingFields: [], nextQuestion: null, results: [] })).toEqual({});
  });
});
