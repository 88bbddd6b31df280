import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentDisposition, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './filename';

/** The filename* value decoded back (RFC 8187). */
function extValue(header: string): string {
  const m = /filename\*=UTF-8''([^;\s]+)$/.exec(header);
  expect(m, header).not.toBeNull();
  return decodeURIComponent(m![1]!);
}
const fallback = (header: string) => /filename="([^"]*)"/.exec(header)?.[1];

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['C:\\Users\\景漂\\Desktop\\青花瓷.jpg', '青花瓷.jpg'],
    ['/var/www/html/shell.php', 'shell.php'],
    ['..', 'file'],
    ['...', 'file'],
    ['../', 'file'],
    ['', 'file'],
    ['   ', 'file'],
    ['.htaccess', 'htaccess'],
    ['photo.jpg. . .', 'photo.jpg'],
    ['a\u0000b.jpg', 'ab.jpg'],
    ['evil\r\nSet-Cookie: x=1.jpg', 'evilSet-Cookie_ x=1.jpg'],
    ['tab\there.jpg', 'tabhere.jpg'],
    ['photo\u202Egpj.exe', 'photogpj.exe'], // right-to-left override would display "photoexe.jpg"
    ['zero\u200Bwidth\uFEFF.png', 'zerowidth.png'],
    ['my "best" <work>|?*.jpg', 'my _best_ _work____.jpg'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['作品  集.png', '作品 集.png'],
    ['e\u0301.jpg', '\u00e9.jpg'], // NFC
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('falls back for non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['a.jpg']]) expect(sanitizeFileName(v)).toBe('file');
  });

  it('limits the length in characters and keeps the extension', () => {
    const long = sanitizeFileName(`${'a'.repeat(300)}.jpeg`);
    expect(long).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('.jpeg')).toBe(true);

    const chinese = sanitizeFileName(`${'景德镇青花瓷'.repeat(50)}.png`);
    expect([...chinese]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(chinese.endsWith('.png')).toBe(true);

    const emoji = sanitizeFileName('🏺'.repeat(200));
    expect([...emoji]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.isWellFormed()).toBe(true); // no surrogate pair cut in half

    expect(sanitizeFileName('x'.repeat(300))).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(sanitizeFileName(`a.${'b'.repeat(300)}`)).toHaveLength(MAX_FILE_NAME_LENGTH); // no short extension to keep
    expect(sanitizeFileName('abcdef.jpg', 5)).toBe('a.jpg');
  });

  it('turns lone surrogates into U+FFFD instead of throwing later', () => {
    const name = sanitizeFileName('bad\uD800name.jpg');
    expect(name.isWellFormed()).toBe(true);
    expect(() => contentDisposition('bad\uDC00.jpg')).not.toThrow();
  });
});

describe('contentDisposition (RFC 6266)', () => {
  it('gives an ASCII fallback and the UTF-8 name for Chinese file names', () => {
    const h = contentDisposition('青花瓷作品集.jpg');
    expect(h).toBe(`attachment; filename="file.jpg"; filename*=UTF-8''${encodeURIComponent('青花瓷作品集.jpg')}`);
    expect(extValue(h)).toBe('青花瓷作品集.jpg');
    expect(fallback(h)).toBe('file.jpg');
  });

  it('keeps the ASCII parts of a mixed name in the fallback', () => {
    const h = contentDisposition('王师傅 拉坯 2026.webp');
    expect(fallback(h)).toBe('_ _ 2026.webp');
    expect(extValue(h)).toBe('王师傅 拉坯 2026.webp');
  });

  it('reduces ../../etc/passwd to its last component', () => {
    expect(contentDisposition('../../etc/passwd')).toBe(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
  });

  it('percent-encodes the characters RFC 8187 does not allow bare', () => {
    const h = contentDisposition("it's (my) *best*; 100%.jpg");
    expect(h).toContain(`filename*=UTF-8''it%27s%20%28my%29%20_best_%3B%20100%25.jpg`);
    expect(fallback(h)).toBe("it's (my) _best__ 100_.jpg");
  });

  it('supports inline', () => {
    expect(contentDisposition('a.png', 'inline')).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
  });

  it('always yields one printable-ASCII header value that Headers accepts (fuzz)', () => {
    const pool = ['/', '\\', '.', '..', '"', "'", ';', '%', '\r', '\n', '\0', '\u202e', '\ud800', '\udfff', '景', '漂', '🏺', ' ', 'a', 'Z', '9', '\x7f', '\u0085', '=', '*'];
    for (let i = 0; i < 500; i++) {
      const n = crypto.randomInt(0, 40);
      const raw = Array.from({ length: n }, () => pool[crypto.randomInt(0, pool.length)]).join('');
      const h = contentDisposition(raw);
      expect(h, JSON.stringify(raw)).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      expect(fallback(h)).not.toMatch(/["\\]/);
      expect(() => new Headers({ 'content-disposition': h })).not.toThrow();
      const decoded = extValue(h);
      expect(decoded).not.toMatch(/[/\\\0\r\n]/);
      expect(decoded.startsWith('.')).toBe(false);
    }
  });
});
