import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no postmaster: two processes that open one data directory silently lose acknowledged writes
 * (stack-notes §5.1). We take an exclusive lock file next to the data directory and refuse a second opener
 * while the holder is alive. A lock left by a dead process (kill -9) is taken over.
 */
export class PgliteDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `PGlite data directory ${dataDir} is in use by process ${holderPid}. ` +
        `Only one process may open it at a time (a second one would lose writes). ` +
        `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share. / ` +
        `嵌入式数据库目录 ${dataDir} 正被进程 ${holderPid} 使用，请先停止该进程或改用 PostgreSQL（设置 DATABASE_URL）。`,
    );
    this.name = 'PgliteDirectoryLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquirePgliteLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder = 0;
      try {
        holder = (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }).pid;
      } catch {
        holder = 0; // half-written or unreadable lock: treat as stale
      }
      if (holder === process.pid) {
        throw new PgliteDirectoryLockedError(dataDir, holder);
      }
      if (holder && isAlive(holder)) throw new PgliteDirectoryLockedError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // stale: the holder died without releasing
    }
  }
  throw new Error(`Could not acquire PGlite lock for ${dataDir}`);
}
