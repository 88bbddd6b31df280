import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('keeps http(s) and refuses every other scheme or garbage', () => {
    expect(safeHttpUrl('https://www.jdz.gov.cn/a.html')).toBe('https://www.jdz.gov.cn/a.html');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://x/y', '//evil.example', 'not a url', '', null, undefined]) expect(safeHttpUrl(bad as string)).toBeNull();
  });
});
