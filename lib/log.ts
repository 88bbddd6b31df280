/**
 * Server-side error logging. Only the error class, message and stack are written: never request bodies, never
 * personal data (security.md §7 #27). Messages from drivers can echo values, so they are truncated.
 */
export function logError(where: string, err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  const cause = (e as { cause?: { code?: string } }).cause?.code;
  console.error(JSON.stringify({ level: 'error', where, name: e.name, message: e.message.replace(/params:[\s\S]*$/, 'params: [redacted]').slice(0, 300), code: cause, stack: e.stack?.split('\n').slice(0, 6).join('\n') }));
}
