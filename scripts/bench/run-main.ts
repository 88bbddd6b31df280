import path from 'node:path';

/** Runs `main` when `file` is the script node was started with (bench child processes); exit 0, or 1 with the stack. */
export function runIfMain(file: string, main: () => Promise<void>): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== path.resolve(file)) return;
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(1);
    },
  );
}
