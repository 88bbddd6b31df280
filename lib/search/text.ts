import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

/**
 * The Chinese text pipeline shared by both engines (booking-and-search.md R3): NFKC (full-width → half-width), lower
 * case, OpenCC traditional → simplified; then Intl.Segmenter words, and for CJK every character and every character
 * bigram as a recall net (the segmenter splits 编程 or 窑炉 apart in some sentences and not in others). Queries: a CJK
 * word of two or more characters becomes the AND of its bigrams, a single character stays a unigram, Latin words keep
 * prefix (last word) and typo tolerance (by Meilisearch's length thresholds). Titles and names also get their pinyin
 * and initials so `qinghua` and `qh` find 青花.
 */

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Private-use characters the engines use as highlight tags; stripped from every text they index. */
export const HL_PRE = '\uE000';
export const HL_POST = '\uE001';
const HL_RE = /[\uE000\uE001]/g;

const CJK_RE = /\p{Script=Han}/u;
const ALL_CJK_RE = /^\p{Script=Han}+$/u;
const LATIN_RE = /^[a-z][a-z0-9]*$/;

/** Traditional → simplified only (text shown to people keeps its punctuation and case). */
export function toSimplified(text: string): string {
  return t2s(text.replace(HL_RE, ''));
}

/** The full normalisation applied to indexed text and queries: NFKC, lower case, traditional → simplified. */
export function normalize(text: string): string {
  return t2s(text.replace(HL_RE, '').normalize('NFKC').toLowerCase());
}

export const isCjk = (s: string): boolean => CJK_RE.test(s);
export const isAllCjk = (s: string): boolean => ALL_CJK_RE.test(s);
export const isLatinWord = (s: string): boolean => LATIN_RE.test(s);

/** Word-like segments of already normalised text; a mixed token such as `ai设计` is split at the script boundary. */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalized)) {
    if (!s.isWordLike) continue;
    for (const part of s.segment.split(/(\p{Script=Han}+)/u)) if (part && /[\p{L}\p{N}]/u.test(part)) out.push(part);
  }
  return out;
}

export function bigrams(cjk: string): string[] {
  const chars = [...cjk];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Index-time tokens: ICU words ∪ every CJK character ∪ every CJK bigram (text is normalised here). */
const NEEDS_FULL_PIPELINE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\x00-\x7F]/;

export function indexTokens(text: string): string[] {
  // Plain ASCII (English fields, codes): no script conversion or segmentation needed — the same words, much faster.
  if (!NEEDS_FULL_PIPELINE.test(text)) return [...new Set(text.replace(HL_RE, '').toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  const norm = normalize(text);
  const out = new Set<string>(words(norm));
  // Characters and bigrams over whole CJK runs, across the segmenter's word boundaries (毕业|生 still holds 业生).
  for (const run of cjkRuns(norm)) {
    for (const c of run) out.add(c);
    for (const b of bigrams(run)) out.add(b);
  }
  return [...out];
}

function trigrams(cjk: string): string[] {
  const chars = [...cjk];
  const out: string[] = [];
  for (let i = 0; i + 2 < chars.length; i++) out.push(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return out;
}

/** Maximal runs of CJK characters. */
export function cjkRuns(normalized: string): string[] {
  return normalized.match(/\p{Script=Han}+/gu) ?? [];
}

/**
 * Pinyin (syllables, joined per word and per bigram) and initials of the CJK words of a title or a name; `terms`
 * (the index's dictionary, e.g. 陶溪川) are joined whole where they occur, since the segmenter may split them.
 */
export function pinyinTokens(text: string, terms: readonly string[] = []): string[] {
  const out = new Set<string>();
  const norm = normalize(text);
  const runs = cjkRuns(norm);
  // Bigrams, trigrams (three-character words such as 景德镇), whole short runs (景漂贷 → jingpiaodai) and the dictionary
  // terms found in the text; no segmentation needed.
  const units = new Set<string>([...runs.flatMap(bigrams), ...runs.flatMap(trigrams), ...runs.filter((r) => r.length <= 8), ...terms.filter((t) => isAllCjk(t) && norm.includes(t))]);
  for (const unit of units) for (const t of unitPinyin(unit)) out.add(t);
  return [...out];
}

const pinyinCache = new Map<string, readonly string[]>();

/** Syllables, joined syllables and initials of one CJK unit (cached: units repeat across documents). */
function unitPinyin(unit: string): readonly string[] {
  const hit = pinyinCache.get(unit);
  if (hit) return hit;
  const syl = pinyin(unit, { toneType: 'none', type: 'array', v: true }) as string[];
  const out = syl.length === [...unit].length ? [...new Set([...syl, syl.join(''), syl.map((x) => x[0]).join('')])].filter((t) => /^[a-z]{2,}$/.test(t)) : [];
  if (pinyinCache.size > 100_000) pinyinCache.clear();
  pinyinCache.set(unit, out);
  return out;
}

/** One query word and how it must match. */
export type QueryTerm =
  | { kind: 'cjk'; word: string; grams: string[] }
  | { kind: 'latin'; word: string; prefix: boolean; typos: 0 | 1 | 2 }
  | { kind: 'other'; word: string; prefix: boolean };

/** Typos allowed for a Latin word, by Meilisearch's defaults: 1–4 characters none, 5–8 one, 9 or more two. */
export function typosFor(word: string): 0 | 1 | 2 {
  const n = word.length;
  return n >= 9 ? 2 : n >= 5 ? 1 : 0;
}

/**
 * The words of a query (normalised). A CJK word becomes its bigrams (all must match), a lone character a unigram;
 * the last word of the query is a prefix when it is Latin or a number (search as you type).
 */
export function queryTerms(q: string, stopWords: ReadonlySet<string> = new Set()): QueryTerm[] {
  const ws = words(normalize(q)).filter((w) => !stopWords.has(w));
  return ws.map((w, i): QueryTerm => {
    const last = i === ws.length - 1;
    if (isAllCjk(w)) return { kind: 'cjk', word: w, grams: bigrams(w) };
    if (isLatinWord(w)) return { kind: 'latin', word: w, prefix: last, typos: typosFor(w) };
    return { kind: 'other', word: w, prefix: last };
  });
}

/** Adjacent transpositions of a word (Meilisearch counts `pyhton` → `python` as one typo; Levenshtein as two). */
export function transpositions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...out];
}

/** One piece of a highlighted field: matched pieces are shown in a <mark>. */
export interface HighlightSegment {
  text: string;
  hit: boolean;
}

/** Text with HL_PRE/HL_POST tags (as Meilisearch returns it with those tags) → segments; never HTML. */
export function segmentsFromTagged(tagged: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let hit = false;
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, hit });
    buf = '';
  };
  for (const ch of tagged) {
    if (ch === HL_PRE) {
      flush();
      hit = true;
    } else if (ch === HL_POST) {
      flush();
      hit = false;
    } else buf += ch;
  }
  flush();
  return out;
}

/**
 * Marks in `text` every occurrence of the needles (normalised terms), comparing on the normalised text. Normalisation
 * keeps lengths for nearly all characters; where it does not, the normalised text is what is shown.
 */
export function highlightText(text: string, needles: readonly string[]): HighlightSegment[] {
  const clean = text.replace(HL_RE, '');
  let norm = normalize(clean);
  const display = norm.length === clean.length ? clean : norm;
  if (display !== clean) norm = normalize(display);
  const marks = new Array<boolean>(norm.length).fill(false);
  for (const n of needles) {
    if (!n) continue;
    let at = norm.indexOf(n);
    while (at >= 0) {
      for (let i = at; i < at + n.length; i++) marks[i] = true;
      at = norm.indexOf(n, at + 1);
    }
  }
  const out: HighlightSegment[] = [];
  let i = 0;
  while (i < display.length) {
    let j = i;
    while (j < display.length && marks[j] === marks[i]) j++;
    out.push({ text: display.slice(i, j), hit: !!marks[i] });
    i = j;
  }
  return out;
}
