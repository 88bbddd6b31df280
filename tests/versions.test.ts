import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const installed = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const declared = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('security version floor (security.md §0, checklist #1)', () => {
  it('next is at or above 16.3.5 (the 2026 RCE fix line) and on 16.x', () => {
    expect(semver.gte(installed('next'), '16.3.5')).toBe(true);
    expect(semver.major(installed('next'))).toBe(16);
  });
  it('next-auth is the patched 4.24.15', () => {
    expect(installed('next-auth')).toBe('4.24.15');
  });
  it('every dependency is pinned to an exact version', () => {
    for (const [name, range] of Object.entries({ ...declared.dependencies, ...declared.devDependencies })) {
      expect(semver.valid(range), `${name}@${range}`).not.toBeNull();
    }
  });
  it('the lockfile is committed next to package.json', () => {
    expect(fs.existsSync(path.join(ROOT, 'package-lock.json'))).toBe(true);
  });
});
