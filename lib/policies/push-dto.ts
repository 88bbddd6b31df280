/** The shape of a push run as the API and the staff page show it (no server imports: the client uses it too). */
export const PUSH_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type PushRunStatus = (typeof PUSH_RUN_STATUSES)[number];

export interface PushRunDto {
  id: string;
  policyCode: string;
  version: string | null;
  trigger: 'publish' | 'manual';
  status: PushRunStatus;
  /** Talents whose status was decided (the prefilter's candidates). */
  scanned: number;
  eligible: number;
  notified: number;
  grants: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
