import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetClock } from '@/lib/clock';

// A fixed master key for tests: derived keys are stable and nothing is written under .data/.
process.env.APP_MASTER_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.NEXTAUTH_SECRET ??= 'test-nextauth-secret-0123456789abcdef';
// Uploaded files go to a scratch directory per worker, never to .data/.
process.env.STORAGE_DIR ??= path.join(os.tmpdir(), `jp-test-uploads-${process.pid}`);

// An unexpected console.error fails the test (Epic Stack habit); tests that expect one spy on it themselves.
let errorSpy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(' ').slice(0, 500)}`);
  });
});
afterEach(() => {
  errorSpy?.mockRestore();
  resetClock();
});
