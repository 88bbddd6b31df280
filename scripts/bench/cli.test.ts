import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseCli } from './cli';

const KNOWN = ['login', 'api'];

describe('bench command line', () => {
  it('runs every benchmark with the default durations when given nothing', () => {
    expect(parseCli([], KNOWN)).toEqual({
      ok: true,
      options: expect.objectContaining({ benchmarks: KNOWN, durationSeconds: DEFAULTS.durationSeconds, warmupSeconds: DEFAULTS.warmupSeconds }),
    });
  });

  it('selects benchmarks by name, in the given order, without duplicates', () => {
    const r = parseCli(['api', 'login', 'api'], KNOWN);
    expect(r.ok && r.options.benchmarks).toEqual(['api', 'login']);
  });

  it('accepts --duration 30, --warmup=5 and --connections 4', () => {
    const r = parseCli(['login', '--duration', '30', '--warmup=5', '--connections', '4'], KNOWN);
    expect(r.ok && r.options).toMatchObject({ benchmarks: ['login'], durationSeconds: 30, warmupSeconds: 5, connections: 4 });
  });

  it.each([
    [['nope'], 'Unknown benchmark "nope"'],
    [['--duration', 'ten'], '--duration must be a number of seconds'],
    [['--duration'], '--duration needs'],
    [['--duration', '0'], 'between 1 and 600'],
    [['--warmup', '-3'], '--warmup must be a number of seconds'],
    [['--warmup', '--build'], '--warmup needs'],
    [['--connections', '2.5'], '--connections must be a whole number'],
    [['--fast'], 'Unknown option "--fast"'],
  ])('rejects %j with a bilingual message', (argv, message) => {
    const r = parseCli(argv, KNOWN);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
