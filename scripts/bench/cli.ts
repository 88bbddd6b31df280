/**
 * Command line of `npm run bench`. Pure (no I/O) so it can be unit-tested; scripts/bench.ts prints the message and
 * exits 2 on a usage error.
 */
export interface CliOptions {
  benchmarks: string[];
  durationSeconds: number;
  warmupSeconds: number;
  connections?: number;
  /** Synthetic talents to seed, overriding what the selected benchmarks ask for (0 = none). */
  scale?: number;
  build: boolean;
  list: boolean;
  help: boolean;
  outDir: string;
}

export const DEFAULTS = { durationSeconds: 10, warmupSeconds: 3, outDir: '.bench' } as const;
export const LIMITS = {
  durationSeconds: { min: 1, max: 600 },
  warmupSeconds: { min: 0, max: 120 },
  connections: { min: 1, max: 1000 },
  scale: { min: 0, max: 5_000_000 },
} as const;

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string };

export function usage(known: readonly string[], defaults: readonly string[] = known): string {
  return [
    'Usage / 用法: npm run bench -- [benchmark ...] [options]',
    '',
    `Benchmarks / 基准测试: ${known.join(', ')}`,
    `  default / 默认: ${defaults.join(', ')}${defaults.length < known.length ? `; the others run only when named (they seed a large database) / 其余需点名运行（需要大规模数据）` : ''}`,
    '',
    'Options / 选项:',
    `  --duration <s>      measured seconds per measurement, ${LIMITS.durationSeconds.min}–${LIMITS.durationSeconds.max} (default ${DEFAULTS.durationSeconds}) / 每项测量时长（秒）`,
    `  --warmup <s>        warm-up seconds before each measurement, ${LIMITS.warmupSeconds.min}–${LIMITS.warmupSeconds.max} (default ${DEFAULTS.warmupSeconds}) / 预热时长（秒）`,
    `  --connections <n>   override every benchmark's concurrency, ${LIMITS.connections.min}–${LIMITS.connections.max} / 覆盖并发连接数`,
    `  --scale <n>         synthetic talents to seed, ${LIMITS.scale.min}–${LIMITS.scale.max.toLocaleString('en')}, overriding the benchmarks' own (talents, export: 50,000) / 覆盖合成人才数量`,
    '  --build             run `next build` first even if .next/BUILD_ID exists / 强制重新构建',
    `  --out <dir>         directory for the JSON results (default ${DEFAULTS.outDir}) / 结果目录`,
    '  --list              list the benchmarks and exit / 列出基准测试',
    '  -h, --help          this help / 帮助',
    '',
    'Examples / 示例:',
    '  npm run bench',
    '  npm run bench -- login',
    '  npm run bench -- api --duration 30 --warmup 10',
    '  npm run bench -- talents export             # 50,000 seeded talents / 5 万名合成人才',
    '  npm run bench -- export --scale 5000        # a quick try on a smaller seed / 小规模试跑',
  ].join('\n');
}

function parseNumber(flag: string, raw: string | undefined, limits: { min: number; max: number }, integer: boolean): number | string {
  const bounds = `${limits.min}–${limits.max}`;
  const kind = integer ? 'a whole number' : 'a number of seconds';
  const kindZh = integer ? '整数' : '秒数';
  if (raw === undefined || raw === '' || raw.startsWith('--')) {
    return `${flag} needs ${kind} (${bounds}) / ${flag} 需要一个${kindZh}（${bounds}）`;
  }
  const re = integer ? /^\d+$/ : /^\d+(?:\.\d+)?$/;
  const n = Number(raw);
  if (!re.test(raw.trim()) || !Number.isFinite(n)) {
    return `${flag} must be ${kind} (${bounds}), got "${raw}" / ${flag} 必须是${kindZh}（${bounds}），收到 "${raw}"`;
  }
  if (n < limits.min || n > limits.max) {
    return `${flag} must be between ${limits.min} and ${limits.max}, got ${raw} / ${flag} 必须在 ${limits.min} 到 ${limits.max} 之间，收到 ${raw}`;
  }
  return n;
}

/** `defaults`: what runs when no benchmark is named (opt-in benchmarks are left out of it). */
export function parseCli(argv: readonly string[], known: readonly string[], defaults: readonly string[] = known): CliParse {
  const opts: CliOptions = {
    benchmarks: [],
    durationSeconds: DEFAULTS.durationSeconds,
    warmupSeconds: DEFAULTS.warmupSeconds,
    build: false,
    list: false,
    help: false,
    outDir: DEFAULTS.outDir,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      opts.help = true;
      continue;
    }
    if (arg === '--build') {
      opts.build = true;
      continue;
    }
    if (arg === '--list') {
      opts.list = true;
      continue;
    }
    if (arg.startsWith('-')) {
      const eq = arg.indexOf('=');
      const flag = eq > 0 ? arg.slice(0, eq) : arg;
      const takeValue = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
      if (flag === '--duration' || flag === '--warmup') {
        const key = flag === '--duration' ? 'durationSeconds' : 'warmupSeconds';
        const v = parseNumber(flag, takeValue(), LIMITS[key], false);
        if (typeof v === 'string') return { ok: false, message: v };
        opts[key] = v;
        continue;
      }
      if (flag === '--connections') {
        const v = parseNumber(flag, takeValue(), LIMITS.connections, true);
        if (typeof v === 'string') return { ok: false, message: v };
        opts.connections = v;
        continue;
      }
      if (flag === '--scale') {
        const v = parseNumber(flag, takeValue(), LIMITS.scale, true);
        if (typeof v === 'string') return { ok: false, message: v };
        opts.scale = v;
        continue;
      }
      if (flag === '--out') {
        const v = takeValue();
        if (!v || v.startsWith('-')) return { ok: false, message: '--out needs a directory / --out 需要一个目录' };
        opts.outDir = v;
        continue;
      }
      return { ok: false, message: `Unknown option "${arg}" (see --help) / 未知选项 "${arg}"（见 --help）` };
    }
    if (!known.includes(arg)) {
      return {
        ok: false,
        message: `Unknown benchmark "${arg}". Known: ${known.join(', ')} / 未知的基准测试 "${arg}"，可用：${known.join('、')}`,
      };
    }
    if (!opts.benchmarks.includes(arg)) opts.benchmarks.push(arg);
  }
  if (opts.benchmarks.length === 0) opts.benchmarks = [...defaults];
  return { ok: true, options: opts };
}
