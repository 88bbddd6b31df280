'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '@/components/i18n/provider';
import { checkImageFile, IMAGE_ACCEPT, problemMessage } from '@/components/talent/upload';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import type { WorkDto } from '@/lib/portfolio/schemas';

const MAX_IMAGES = 12;

/** A work's images and an upload (one or several files, sent one after another to POST /api/v1/me/works/{id}/images). */
export function WorkImages({ work }: { work: WorkDto }) {
  const t: Translator = useT();
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [success, setSuccess] = useState<string | null>(null);
  const room = MAX_IMAGES - work.images.length;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('file') as HTMLInputElement | null;
    const files = Array.from(input?.files ?? []);
    setErrors([]);
    setSuccess(null);
    if (files.length === 0) return setErrors([t('validation.fileEmpty')]);
    if (files.length > room) return setErrors([t('validation.tooManyImages')]);
    const problems: string[] = [];
    let sent = 0;
    setProgress({ done: 0, total: files.length });
    for (const file of files) {
      const local = checkImageFile(file, t);
      if (local) {
        problems.push(`${file.name}: ${local}`);
      } else {
        const data = new FormData();
        data.append('file', file);
        try {
          const res = await fetch(`/api/v1/me/works/${work.id}/images`, { method: 'POST', body: data, headers: { accept: 'application/json' } });
          if (res.ok) sent++;
          else problems.push(`${file.name}: ${await problemMessage(res, t('errors.errorBody'))}`);
        } catch {
          problems.push(`${file.name}: ${t('profile.uploadNetworkError')}`);
        }
      }
      setProgress((p) => (p ? { ...p, done: p.done + 1 } : p));
    }
    setProgress(null);
    setErrors(problems);
    if (sent) {
      formRef.current?.reset();
      setSuccess(t('portfolio.imagesAdded', { n: sent }));
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      {work.images.length ? (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="work-images">
          {work.images.map((img, i) => (
            <li key={img.id}>
              <a href={img.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-lg bg-ink-100 ring-1 ring-ink-200">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our authorized image route, already resized */}
                <img src={img.thumb_url} alt={t('portfolio.imageAlt', { title: work.title, n: i + 1 })} width={img.width} height={img.height} loading="lazy" className="aspect-square w-full object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('portfolio.noImages')} body={t('portfolio.noImagesBody')} icon="🖼" />
      )}
      {room > 0 ? (
        <form ref={formRef} onSubmit={onSubmit} method="post" encType="multipart/form-data" className="space-y-3" aria-label={t('portfolio.uploadImages')}>
          <div>
            <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink-800">
              {t('portfolio.chooseImages')}
            </label>
            <input
              id={id}
              name="file"
              type="file"
              accept={IMAGE_ACCEPT}
              multiple
              aria-describedby={`${id}-hint`}
              className="block w-full text-sm text-ink-700 file:mr-3 file:min-h-10 file:rounded-lg file:border-0 file:bg-brand-700 file:px-3 file:text-sm file:font-medium file:text-white"
            />
            <p id={`${id}-hint`} className="mt-1 text-xs text-ink-600">
              {t('portfolio.imagesHint', { n: room })}
            </p>
          </div>
          {errors.length ? (
            <Alert tone="error">
              <ul className="space-y-0.5">
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {success ? <Alert tone="success">{success}</Alert> : null}
          <Button type="submit" size="sm" disabled={!!progress} aria-busy={!!progress}>
            {progress ? t('portfolio.uploadingN', { done: progress.done, total: progress.total }) : t('portfolio.upload')}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-ink-600">{t('validation.tooManyImages')}</p>
      )}
    </div>
  );
}
