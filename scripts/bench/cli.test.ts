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

  it('runs only the default benchmarks when given nothing, and opt-in ones when named', () => {
    const all = ['login', 'api', 'talents', 'export'];
    const defaults = ['login', 'api'];
    const none = parseCli([], all, defaults);
    expect(none.ok && none.options.benchmarks).toEqual(defaults);
    const named = parseCli(['talents', 'export'], all, defaults);
    expect(named.ok && named.options.benchmarks).toEqual(['talents', 'export']);
  });

  it('accepts --scale 50000 and --scale=0, and leaves scale unset otherwise', () => {
    const a = parseCli(['login', '--scale', '50000'], KNOWN);
    expect(a.ok && a.options.scale).toBe(50000);
    const b = parseCli(['--scale=0'], KNOWN);
    expect(b.ok && b.options.scale).toBe(0);
    const c = parseCli(['api'], KNOWN);
    expect(c.ok && c.options.scale).toBeUndefined();
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
    [['--scale', '-1'], '--scale must be a whole number'],
    [['--scale', '5000001'], 'between 0 and 5000000'],
    [['--scale', '1e4'], '--scale must be a whole number'],
  ])('rejects %j with a bilingual message', (argv, message) => {
    const r = parseCli(argv, KNOWN);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
