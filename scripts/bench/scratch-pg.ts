import postgres from 'postgres';

/**
 * A scratch database next to the one `url` names, for the in-process benchmark runs (jobs, reverse, bookings): created
 * now, dropped by `drop()` (with force, whoever is still connected). The database the URL names is never written to.
 * Throws, with the server's reason, when it is unreachable or the role may not create databases.
 */
export async function createScratchDatabase(url: string, prefix: string): Promise<{ name: string; url: string; host: string; drop(): Promise<void> }> {
  const name = `jp_bench_${prefix}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    host: u.host,
    async drop() {
      const dropper = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 2 });
      }
    },
  };
}
