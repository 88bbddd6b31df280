/**
 * Linux /proc readings for the server under test: resident memory (VmRSS, VmHWM) and CPU time. Everything returns
 * null when /proc is unavailable (macOS) so the harness still runs, just without these figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const MiB = 1024 * 1024;

function readStatus(pid: number): Map<string, string> | null {
  try {
    const out = new Map<string, string>();
    for (const line of fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const i = line.indexOf(':');
      if (i > 0) out.set(line.slice(0, i), line.slice(i + 1).trim());
    }
    return out;
  } catch {
    return null;
  }
}

function kbField(pid: number, field: string): number | null {
  const v = readStatus(pid)?.get(field);
  const m = v ? /^(\d+)\s*kB$/.exec(v) : null;
  return m ? Math.round((Number(m[1]) * 1024 * 10) / MiB) / 10 : null;
}

/** Resident set size in MiB (one decimal). */
export function rssMiB(pid: number): number | null {
  return kbField(pid, 'VmRSS');
}

/** Peak resident set size ("high water mark") in MiB. */
export function peakRssMiB(pid: number): number | null {
  return kbField(pid, 'VmHWM');
}

/** The process name (/proc/<pid>/comm), e.g. "next-server (v1" — the kernel keeps 15 characters. */
export function processName(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Direct and indirect children of pid (from /proc/<n>/stat's ppid field). */
export function descendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const parentOf = new Map<number, number>();
  for (const d of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(d), Number(fields[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [child, parent] of parentOf) {
      if (parent === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

/** The next-server process: the spawned pid itself (Next 16 `next start` serves in-process) or a child so named. */
export function findNextServerPid(rootPid: number): number {
  for (const pid of [rootPid, ...descendants(rootPid)]) {
    if (processName(pid)?.startsWith('next-server')) return pid;
  }
  return rootPid;
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds consumed so far by pid. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm) ", field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has spent busy (all cores, everything but idle and iowait), from /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return (total - idle) / ticksPerSecond();
  } catch {
    return null;
  }
}

/** User + system CPU seconds of pid's children that have exited and been waited for (cutime + cstime). */
function reapedChildrenCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime (16) and cstime (17) are indices 13 and 14 after "(comm) ".
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond();
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by every process with this name (e.g. "postgres": the local database server's backends),
 * so a PostgreSQL on the same machine is reported as database CPU rather than as competing load. Includes the CPU of
 * their children that have already exited: PostgreSQL's parallel-query workers and autovacuum workers live for less
 * than a second, and their CPU would otherwise be counted as "other" (and the measurement marked BUSY). Differences
 * of two readings stay exact: a worker's time moves from its own counters into the postmaster's cutime/cstime.
 */
export function cpuSecondsByName(name: string): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const d of entries) {
    if (processName(Number(d)) === name) total += (cpuSeconds(Number(d)) ?? 0) + reapedChildrenCpuSeconds(Number(d));
  }
  return total;
}
