import { describe, expect, it } from 'vitest';
import en from './messages.en';
import zhCN from './messages.zh-CN';
import { negotiateLocale, translate } from './index';

function leaves(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`)));
}

describe('i18n', () => {
  it('has the same keys in both languages, none empty, and the same placeholders', () => {
    const zh = new Map(leaves(zhCN));
    const e = new Map(leaves(en));
    expect([...e.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, v] of zh) {
      expect(v.trim(), k).not.toBe('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(e.get(k)!), k).toEqual(ph(v));
    }
  });
  it('chooses the remembered locale, then Accept-Language, then zh-CN', () => {
    expect(negotiateLocale('en', 'zh-CN')).toBe('en');
    expect(negotiateLocale(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale(undefined, 'fr-FR, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('xx', null)).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'de')).toBe('zh-CN');
  });
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'validation.passwordTooShort', { min: 12 })).toBe('密码至少 12 位');
    expect(translate('en', 'dashboard.welcome', { name: 'Emma' })).toBe('Hello, Emma');
  });
});

describe('message keys used in code', () => {
  it('every quoted validation./problem./errors./… key exists in the dictionary', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { isMessageKey } = await import('./index');
    const root = path.resolve(import.meta.dirname, '../..');
    // Groups whose names do not collide with permission, action or audit names ('account.read' is a permission).
    const groups = ['validation', 'problem', 'errors', 'nav', 'landing', 'dashboard', 'apiDocs', 'app', 'health'];
    const missing: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', '.next', '.data', 'e2e'].includes(e.name)) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts')) {
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/['"`]([a-zA-Z]+)\.([a-zA-Z_]+)['"`?]/g)) {
            if (groups.includes(m[1]!) && !isMessageKey(`${m[1]}.${m[2]}`)) missing.push(`${path.relative(root, p)}: ${m[1]}.${m[2]}`);
          }
        }
      }
    };
    for (const dir of ['app', 'components', 'lib']) walk(path.join(root, dir));
    expect(missing).toEqual([]);
  });
});
