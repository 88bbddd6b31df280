'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button, buttonClass } from '@/components/ui/button';
import { Alert, Badge } from '@/components/ui/card';
import { deleteDraftAction, publishVersionAction, pushPolicyAction, retireVersionAction } from '@/lib/policies/actions';
import type { PushRunDto } from '@/lib/policies/push-dto';
import { Modal } from './modal';
import { TextArea } from './fields';

interface PushReport {
  eligible: number;
  notified: number;
  grants: number;
}

export function PushReportView({ report }: { report: PushReport }) {
  const t = useT();
  return (
    <dl className="grid grid-cols-3 gap-2 text-center" data-testid="push-report">
      {(
        [
          ['eligible', 'policyStaff.pushEligible'],
          ['notified', 'policyStaff.pushNotified'],
          ['grants', 'policyStaff.pushGrants'],
        ] as const
      ).map(([k, label]) => (
        <div key={k} className="rounded-xl bg-ink-50 px-2 py-3 ring-1 ring-inset ring-ink-200">
          <dt className="text-xs text-ink-600">{t(label)}</dt>
          <dd className="text-2xl font-semibold text-ink-900" data-testid={`push-${k}`}>
            {report[k]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A push run as it happens (issue 8): the push runs in the background after publish or 重新推送; this polls its
 * progress (GET /api/v1/policies/{code}/push-runs) until it is done, then shows the report.
 */
export function PushRunView({ initial }: { initial: PushRunDto }) {
  const t = useT();
  const [run, setRun] = useState(initial);
  const finished = run.status === 'done' || run.status === 'failed';
  useEffect(() => {
    if (finished) return;
    let stop = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/v1/policies/${encodeURIComponent(initial.policyCode)}/push-runs`, { cache: 'no-store', credentials: 'same-origin' });
        if (!res.ok) return;
        const body = (await res.json()) as { items: PushRunDto[] };
        const mine = body.items.find((r) => r.id === initial.id);
        if (mine && !stop) setRun(mine);
      } catch {
        /* keep polling */
      }
    }, 800);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [finished, initial.id, initial.policyCode]);
  return (
    <div className="space-y-3" data-testid="push-run" data-status={run.status}>
      <p className="flex flex-wrap items-center gap-2 text-sm text-ink-700" role="status">
        <Badge tone={run.status === 'done' ? 'success' : run.status === 'failed' ? 'danger' : 'info'}>{t(`policyStaff.pushStatus_${run.status}`)}</Badge>
        {run.status === 'running' || run.status === 'queued' ? <span>{t('policyStaff.pushProgress', { scanned: run.scanned })}</span> : null}
        {!finished ? <span className="inline-block size-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent motion-reduce:animate-none" aria-hidden /> : null}
      </p>
      {run.status === 'failed' && run.error ? <Alert tone="error">{t('policyStaff.pushFailed', { error: run.error })}</Alert> : null}
      <PushReportView report={run} />
      {!finished ? <p className="text-xs text-ink-600">{t('policyStaff.pushBackground')}</p> : null}
    </div>
  );
}

/** Buttons of one version in the timeline: edit / publish / delete a draft; new version from / retire a published one. */
export function VersionActions({ code, version, status, title }: { code: string; version: string; status: 'draft' | 'active' | 'retired'; title: string }) {
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<'publish' | 'retire' | 'delete' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<PushRunDto | null>(null);
  const enc = encodeURIComponent(code);

  const close = () => {
    setDialog(null);
    setError(null);
    if (report) {
      setReport(null);
      router.refresh();
    }
  };

  const publish = () =>
    start(async () => {
      setError(null);
      if (note.trim().length < 2) return setError(t('policyStaff.changelogRequired'));
      const r = await publishVersionAction({ code, version, changelogNote: note.trim() });
      if (!r.ok) return setError([r.formError, ...Object.entries(r.fieldErrors ?? {}).map(([k, v]) => `${k}: ${v.join('；')}`)].join(' '));
      setReport(r.data.push);
    });

  const simple = (kind: 'retire' | 'delete') =>
    start(async () => {
      setError(null);
      const r = kind === 'retire' ? await retireVersionAction({ code, version }) : await deleteDraftAction({ code, version });
      if (!r.ok) return setError(r.formError);
      setDialog(null);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap gap-2">
      {status === 'draft' ? (
        <>
          <Link href={`/staff/policies/${enc}/edit?version=${encodeURIComponent(version)}`} className={buttonClass('secondary', 'sm')}>
            {t('policyStaff.editDraft')}
          </Link>
          <Button size="sm" onClick={() => setDialog('publish')} data-testid={`publish-${version}`}>
            {t('policyStaff.publish')}
          </Button>
          <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDialog('delete')}>
            {t('policyStaff.deleteDraft')}
          </Button>
        </>
      ) : (
        <>
          <Link href={`/staff/policies/${enc}/edit?from=${encodeURIComponent(version)}`} className={buttonClass('secondary', 'sm')}>
            {t('policyStaff.newVersionFrom')}
          </Link>
          {status === 'active' ? (
            <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDialog('retire')}>
              {t('policyStaff.retire')}
            </Button>
          ) : null}
        </>
      )}

      <Modal open={dialog === 'publish'} onClose={close} title={t('policyStaff.publishTitle', { version })} testId="publish-dialog">
        {report ? (
          <div className="space-y-4" aria-live="polite">
            <Alert tone="success">{t('policyStaff.publishedDone', { version })}</Alert>
            <p className="text-sm text-ink-700">{t('policyStaff.pushReportIntro')}</p>
            <PushRunView initial={report} />
            <div className="flex justify-end">
              <Button onClick={close}>{t('policyStaff.done')}</Button>
            </div>
          </div>
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-ink-700">{t('policyStaff.publishExplain', { title })}</p>
            <TextArea
              label={t('policyStaff.changelogNote')}
              value={note}
              onValue={setNote}
              rows={3}
              maxLength={500}
              placeholder={t('policyStaff.changelogPlaceholder')}
              errors={error ? [error] : undefined}
              announce
            />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={close} disabled={pending}>
                {t('policyStaff.cancel')}
              </Button>
              <Button onClick={publish} disabled={pending} aria-busy={pending}>
                {pending ? t('policyStaff.publishing') : t('policyStaff.publishConfirm')}
              </Button>
            </div>
          </div>
        )}
      </Modal>

      <Modal open={dialog === 'retire' || dialog === 'delete'} onClose={close} title={t(dialog === 'delete' ? 'policyStaff.deleteTitle' : 'policyStaff.retireTitle', { version })}>
        <p className="text-sm text-ink-700">{t(dialog === 'delete' ? 'policyStaff.deleteExplain' : 'policyStaff.retireExplain')}</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={close} disabled={pending}>
            {t('policyStaff.cancel')}
          </Button>
          <Button variant="danger" onClick={() => simple(dialog === 'delete' ? 'delete' : 'retire')} disabled={pending} aria-busy={pending}>
            {t(dialog === 'delete' ? 'policyStaff.deleteDraft' : 'policyStaff.retire')}
          </Button>
        </div>
      </Modal>
    </div>
  );
}

/** 重新推送: re-runs the (idempotent) push of the version in force and shows its report. */
export function PushButton({ code }: { code: string }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [report, setReport] = useState<PushRunDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        disabled={pending}
        aria-busy={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await pushPolicyAction({ code });
            if (!r.ok) return setError(r.formError);
            setReport(r.data);
          })
        }
      >
        {pending ? t('policyStaff.pushing') : t('policyStaff.push')}
      </Button>
      <div aria-live="polite">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {report ? <PushRunView key={report.id} initial={report} /> : null}
      </div>
    </div>
  );
}

/** CSV export of the current tab: the purpose is required (≥ 4 characters) and recorded in the audit log. */
export function ExportForm({ code, status }: { code: string; status: string }) {
  const t = useT();
  const id = useId();
  const [purpose, setPurpose] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      method="get"
      action={`/api/v1/policies/${encodeURIComponent(code)}/matches/export`}
      noValidate
      onSubmit={(e) => {
        if (purpose.trim().length < 4) {
          e.preventDefault();
          setError(t('policyStaff.purposeRequired'));
        } else setError(null);
      }}
      className="space-y-2"
      aria-label={t('policyStaff.exportTitle')}
    >
      <input type="hidden" name="status" value={status} />
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {t('policyStaff.purpose')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          name="purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          maxLength={200}
          placeholder={t('policyStaff.purposePlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className="block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700 aria-[invalid=true]:ring-red-600"
        />
        <button type="submit" className={`${buttonClass('secondary')} whitespace-nowrap`}>
          {t('policyStaff.exportCsv')}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-ink-600">
          {t('policyStaff.purposeHint')}
        </p>
      )}
    </form>
  );
}
