/**
 * Every benchmark `npm run bench` knows, in the order they run by default. To add one: write
 * scripts/bench/benchmarks/<name>.ts exporting `defineBenchmark({ name, description, defaultConnections,
 * measurementCount, setup?, run })` and list it here. `run` calls `ctx.load()` once per request shape; the harness
 * handles the server, warm-up, durations, RSS, the table and the JSON.
 */
import api from './benchmarks/api';
import login from './benchmarks/login';
import type { Benchmark } from './types';

export const BENCHMARKS: readonly Benchmark[] = [login, api];

export const BENCHMARK_NAMES = BENCHMARKS.map((b) => b.name);

export function benchmarkByName(name: string): Benchmark | undefined {
  return BENCHMARKS.find((b) => b.name === name);
}
