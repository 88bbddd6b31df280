import { describe, expect, it } from 'vitest';
import { FilterError, andFilters, matchesFilter, parseFilter, toMeiliFilter, type FilterFields } from './filter';

const fields: FilterFields = { known: ['category', 'level', 'tags', 'inForce', 'year', 'title', 'demoData'], filterable: ['category', 'level', 'tags', 'inForce', 'year', 'demoData'] };
const parse = (s: string) => parseFilter(s, fields);
const err = (s: string) => {
  try {
    parse(s);
  } catch (e) {
    expect(e).toBeInstanceOf(FilterError);
    return (e as FilterError).code;
  }
  throw new Error(`no error for ${s}`);
};

describe('parseFilter', () => {
  it('parses comparisons, IN, ranges, EXISTS, NOT and precedence (AND over OR)', () => {
    expect(parse('category = talent')).toEqual({ field: 'category', op: 'eq', value: 'talent' });
    expect(parse('year >= 2022 AND year < 2025')).toEqual({ and: [{ field: 'year', op: 'gte', value: 2022 }, { field: 'year', op: 'lt', value: 2025 }] });
    expect(parse('a' === 'a' ? 'level IN [city, "省级"]' : '')).toEqual({ field: 'level', op: 'in', values: ['city', '省级'] });
    expect(parse('year 2020 TO 2024')).toEqual({ field: 'year', op: 'between', from: 2020, to: 2024 });
    expect(parse('tags EXISTS')).toEqual({ field: 'tags', op: 'exists' });
    expect(parse('level NOT IN [city]')).toEqual({ not: { field: 'level', op: 'in', values: ['city'] } });
    expect(parse('inForce = true or NOT (category = x and level = y)')).toEqual({
      or: [{ field: 'inForce', op: 'eq', value: true }, { not: { and: [{ field: 'category', op: 'eq', value: 'x' }, { field: 'level', op: 'eq', value: 'y' }] } }],
    });
    expect(parse('   ')).toBeNull();
  });
  it('tells unknown from not-filterable fields', () => {
    expect(err('nope = 1')).toBe('FILTER_UNKNOWN_FIELD');
    expect(err('title = 青花')).toBe('FILTER_NOT_FILTERABLE');
  });
  it.each(['category =', 'category', '= 1', 'category = 1 AND', '(category = 1', 'category IN [a', 'category IN a', 'category = "open', 'category = 1 level = 2', 'category ~ 1', 'year 1 TO'])('refuses malformed %s', (s) => {
    expect(err(s)).toBe('FILTER_MALFORMED');
  });
  it('limits length, conditions and depth', () => {
    expect(err(`category = "${'x'.repeat(2100)}"`)).toBe('FILTER_TOO_COMPLEX');
    expect(err(Array.from({ length: 101 }, () => 'year = 1').join(' OR '))).toBe('FILTER_TOO_COMPLEX');
    expect(err(`${'('.repeat(12)}year = 1${')'.repeat(12)}`)).toBe('FILTER_TOO_COMPLEX');
  });
});

describe('matchesFilter', () => {
  const doc = { category: 'Talent', level: 'city', tags: ['青花', '补贴'], inForce: true, year: 2023, demoData: false };
  it.each([
    ['category = talent', true],
    ['category != talent', false],
    ['tags = 青花', true],
    ['tags != 青花', false],
    ['tags IN [粉彩, 补贴]', true],
    ['year > 2023', false],
    ['year >= 2023', true],
    ['year 2020 TO 2023', true],
    ['year 2024 TO 2030', false],
    ['inForce = true', true],
    ['demoData = false', true],
    ['level NOT EXISTS', false],
    ['NOT level = city', false],
    ['level = province OR year = 2023', true],
  ])('%s → %s', (f, want) => {
    expect(matchesFilter(parse(f), doc)).toBe(want);
  });
  it('a missing field fails comparisons and passes !=', () => {
    expect(matchesFilter(parse('year > 1'), {})).toBe(false);
    expect(matchesFilter(parse('level != city'), {})).toBe(true);
  });
  it('joins filters with AND', () => {
    expect(andFilters(null, parse('year = 1'), undefined)).toEqual({ field: 'year', op: 'eq', value: 1 });
    expect(andFilters()).toBeNull();
  });
});

describe('toMeiliFilter', () => {
  it('prints the AST with every string value quoted', () => {
    expect(toMeiliFilter(parse('category = "a\\"b" AND (level IN [x, 2] OR NOT year 1 TO 5) AND tags EXISTS'))).toBe('(category = "a\\"b") AND ((level IN ["x", 2]) OR (NOT (year 1 TO 5))) AND (tags EXISTS)');
    expect(toMeiliFilter(null)).toBeUndefined();
  });

  it('sends string comparison bounds normalized, as Meilisearch (≥ 1.15) stores facet values and the embedded engine compares', () => {
    expect(toMeiliFilter(parse('category >= "2026-01-01T10:00"'))).toBe('category >= "2026-01-01t10:00"');
    expect(toMeiliFilter(parse('category "A" TO "Ｚ"'))).toBe('category "a" TO "z"');
    expect(toMeiliFilter(parse('year > 2024 AND year <= 2026'))).toBe('(year > 2024) AND (year <= 2026)');
    // Equality keeps the value as typed (Meilisearch's = and != are case-insensitive already).
    expect(toMeiliFilter(parse('category = "Housing"'))).toBe('category = "Housing"');
    // The embedded engine agrees: ISO dates compare as dates, whatever the case of the bound.
    const doc = { category: '2026-01-01T11:00' };
    expect(matchesFilter(parse('category >= "2026-01-01T10:00"'), doc)).toBe(true);
    expect(matchesFilter(parse('category > "2026-01-01t11:00"'), doc)).toBe(false);
  });
});
