import { describe, expect, it } from 'vitest';
import { HL_POST, HL_PRE, bigrams, highlightText, indexTokens, normalize, pinyinTokens, queryTerms, segmentsFromTagged, toSimplified, transpositions, typosFor, words } from './text';

describe('normalisation', () => {
  it('folds width and case and converts traditional to simplified', () => {
    expect(normalize('ＡＩ設計 Python　創業補貼')).toBe('ai设计 python 创业补贴');
    expect(normalize('社會保險')).toBe('社会保险');
    expect(normalize('臺灣陶瓷')).toBe('台湾陶瓷');
  });
  it('keeps case and punctuation for display, converting script only', () => {
    expect(toSimplified('創業補貼（試行）AI')).toBe('创业补贴（试行）AI');
  });
  it('strips the private highlight tags from text', () => {
    expect(normalize(`a${HL_PRE}b${HL_POST}c`)).toBe('abc');
  });
});

describe('tokens', () => {
  it('splits words at the script boundary', () => {
    expect(words('ai设计')).toEqual(['ai', '设计']);
    expect(words('python编程')).toContain('python');
  });
  it('indexes ICU words, every CJK character and every bigram across word boundaries', () => {
    const t = indexTokens('景德镇陶瓷大学毕业生');
    for (const x of ['景德镇', '陶瓷', '大学', '景', '生', '景德', '业生', '学毕']) expect(t).toContain(x);
  });
  it('indexes traditional text as simplified', () => {
    expect(indexTokens('創業補貼')).toEqual(expect.arrayContaining(['创业', '补贴', '业补']));
  });
  it('bigrams of a word; a single character stays itself', () => {
    expect(bigrams('青花瓷')).toEqual(['青花', '花瓷']);
    expect(bigrams('瓷')).toEqual(['瓷']);
  });
  it('pinyin and initials of titles, per word and per bigram', () => {
    const t = pinyinTokens('青花分水');
    for (const x of ['qinghua', 'qh', 'fenshui', 'fs', 'qing', 'hua']) expect(t).toContain(x);
    expect(t.every((x) => /^[a-z]{2,}$/.test(x))).toBe(true);
    expect(pinyinTokens('Python')).toEqual([]);
  });
});

describe('queries', () => {
  it('turns CJK words into bigram sets and marks the last Latin word as a prefix', () => {
    expect(queryTerms('青花 pyth')).toEqual([
      { kind: 'cjk', word: '青花', grams: ['青花'] },
      { kind: 'latin', word: 'pyth', prefix: true, typos: 0 },
    ]);
    expect(queryTerms('python 青花')[0]).toEqual({ kind: 'latin', word: 'python', prefix: false, typos: 1 });
  });
  it('normalises the query the same way as documents', () => {
    expect(queryTerms('創業')).toEqual([{ kind: 'cjk', word: '创业', grams: ['创业'] }]);
  });
  it('drops stop words', () => {
    expect(queryTerms('陶瓷 的 补贴', new Set(['的'])).map((t) => t.word)).toEqual(['陶瓷', '补贴']);
  });
  it('allows typos by Meilisearch thresholds: none up to 4 letters, one up to 8, then two', () => {
    expect([typosFor('ai'), typosFor('kiln'), typosFor('python'), typosFor('ceramics'), typosFor('porcelain')]).toEqual([0, 0, 1, 1, 2]);
  });
  it('lists adjacent transpositions', () => {
    expect(transpositions('pyhton')).toContain('python');
    expect(transpositions('aab')).toEqual(['aba']);
  });
});

describe('highlights are segments, never HTML', () => {
  it('marks every occurrence on the original text', () => {
    expect(highlightText('创业补贴与创业贷款', ['创业'])).toEqual([
      { text: '创业', hit: true },
      { text: '补贴与', hit: false },
      { text: '创业', hit: true },
      { text: '贷款', hit: false },
    ]);
  });
  it('matches traditional text against simplified needles and keeps the original script', () => {
    expect(highlightText('創業補貼', ['补贴'])).toEqual([
      { text: '創業', hit: false },
      { text: '補貼', hit: true },
    ]);
  });
  it('is case-insensitive for Latin and keeps markup as text', () => {
    expect(highlightText('<b>Python</b>', ['python'])).toEqual([
      { text: '<b>', hit: false },
      { text: 'Python', hit: true },
      { text: '</b>', hit: false },
    ]);
  });
  it('reads tagged text from Meilisearch', () => {
    expect(segmentsFromTagged(`a${HL_PRE}bc${HL_POST}d`)).toEqual([
      { text: 'a', hit: false },
      { text: 'bc', hit: true },
      { text: 'd', hit: false },
    ]);
  });
});
