/**
 * Shapes shared by the benchmark harness (scripts/bench.ts) and the benchmarks it runs (scripts/bench/benchmarks/*).
 * Everything here ends up in .bench/<timestamp>.json, so changes to these types change that file's schema.
 */

/** Latency figures in milliseconds, computed from every response of the measured window (not from a histogram). */
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** One autocannon run against one request shape (after its warm-up). */
export interface Measurement {
  /** Short name inside its benchmark, e.g. "me" or "ping". */
  label: string;
  method: string;
  path: string;
  connections: number;
  /** Measured seconds (warm-up excluded). */
  durationSeconds: number;
  warmupSeconds: number;
  /** Responses received in the measured window. */
  responses: number;
  /** Responses per second over the measured window. */
  reqPerSec: number;
  latencyMs: Latency;
  /** Connection errors and timeouts (autocannon `errors`, which includes `timeouts`). */
  errors: number;
  timeouts: number;
  /** Responses with a status outside 200–299 — or, with `expectStatus`, any other status than that one. */
  non2xx: number;
  /** Count per HTTP status. */
  statusCodes: Record<string, number>;
  /** CPU time of the server process divided by wall time (1.0 = one core fully busy; 2 cores → max 2.0). */
  serverCpuCores: number | null;
  /** CPU used by this harness (the load generator shares the machine with the server). */
  loadGenCpuCores: number;
  /** CPU used by local PostgreSQL server processes (0 on PGlite or a remote server). */
  dbCpuCores: number | null;
  /**
   * CPU used by everything else on the machine meanwhile (machine busy − server − load generator − local PostgreSQL). Well above ~0.1
   * means another job competed for the cores and the figures are low; the table marks it BUSY.
   */
  otherCpuCores: number | null;
}

/** What a benchmark hands back; the harness adds timing, RSS and the pass/fail verdict. */
export interface BenchOutcome {
  measurements: Measurement[];
  /** Derived figures (ratios etc.), printed under the table and stored in the JSON. */
  derived?: Record<string, number>;
  notes?: string[];
  /** Failures the benchmark found itself (e.g. an export with fewer rows than the zone holds); they fail the run. */
  problems?: string[];
}

/** Options resolved from the command line, passed to every benchmark. */
export interface RunOptions {
  durationSeconds: number;
  warmupSeconds: number;
  /** Overrides each benchmark's default concurrency when set. */
  connections?: number;
}

export interface LoadSpec {
  label: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** The status every response should have when it is not a 2xx (e.g. 304 for a revalidation); others are errors. */
  expectStatus?: number;
}

/** What the harness offers a benchmark: the server's address and helpers that keep load runs uniform. */
export interface BenchContext {
  baseUrl: string;
  /** The next-server process (for /proc readings such as VmRSS / VmHWM); null if unknown. */
  serverPid: number | null;
  options: RunOptions;
  /** Warms up, then measures `path` with autocannon (one in-process worker, bounded by the configured duration). */
  load(spec: LoadSpec): Promise<Measurement>;
  /** POST /api/v1/auth/login and return the bearer token (throws with the problem+json body on failure). */
  login(login: string, password: string): Promise<string>;
  /** Progress line on stderr. */
  log(message: string): void;
}

/**
 * A named benchmark. `setup` runs once against the started server (log in, create fixtures) and its value is handed
 * to `run`. Add a benchmark by writing one of these in scripts/bench/benchmarks/ and listing it in registry.ts.
 */
export interface Benchmark<S = unknown> {
  name: string;
  /** One line, English / 中文. */
  description: string;
  /** Concurrency used unless --connections is given. */
  defaultConnections: number;
  /** How many autocannon measurements run() performs (for the time estimate). */
  measurementCount: number;
  /**
   * Synthetic talents the database must hold (scripts/seed.ts --scale N). The harness seeds the largest value among
   * the selected benchmarks (--scale overrides it). Leave unset for benchmarks that need only the demo data.
   */
  seedScale?: number;
  /**
   * After seeding, move every synthetic talent into this zone (and its district), so that one zone-staff account
   * sees all of them — e.g. 'jkq' for staff@demo.local. Unset: the synthetic spread over five districts stays.
   */
  seedZone?: string;
  /** Runs only when named on the command line (it needs a large seed), never in the default `npm run bench`. */
  optIn?: boolean;
  /**
   * false: the benchmark measures in process on a database of its own and never calls ctx.load / ctx.login. When
   * every selected benchmark says so, the harness skips the build, the seed and the server (ctx.baseUrl is empty).
   */
  needsServer?: boolean;
  /** Rough wall time for the start-up estimate, when measurementCount × (warm-up + duration) does not describe it. */
  expectedSeconds?: number;
  setup?: (ctx: BenchContext) => Promise<S>;
  run: (ctx: BenchContext, state: S) => Promise<BenchOutcome>;
}

/** Identity helper that keeps each benchmark's setup state typed while the registry holds Benchmark<unknown>. */
export function defineBenchmark<S>(b: Benchmark<S>): Benchmark<unknown> {
  return b as unknown as Benchmark<unknown>;
}

export interface BenchResult {
  name: string;
  description: string;
  ok: boolean;
  /** Why ok is false: a thrown error, or errors / non-2xx responses in a measurement. */
  problems: string[];
  startedAt: string;
  elapsedSeconds: number;
  /** next-server VmRSS in MiB before setup and after the last measurement. */
  rssMiB: { before: number | null; after: number | null };
  measurements: Measurement[];
  derived: Record<string, number>;
  notes: string[];
}
