import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { csvField } from '@/lib/http/csv';
import { contentDisposition } from '@/lib/uploads/filename';
import { jdzToday } from '@/lib/clock';
import { translate, type Locale } from '@/lib/i18n';
import { craftByCode } from './crafts';
import { formatYmd } from './dates';
import { iterateTalents } from './directory';
import { talentListQuery, type TalentListItem } from './schemas';

export const exportQuery = talentListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  purpose: z.string().trim().min(4, 'validation.reasonRequired').max(200),
});
export type ExportQuery = z.infer<typeof exportQuery>;

const COLUMNS = ['name', 'artist_name', 'phone', 'nationality', 'residence_district', 'education', 'crafts', 'title_level', 'ich_level', 'verified_count', 'registered_at'] as const;

function header(locale: Locale): string[] {
  return COLUMNS.map((c) => translate(locale, `exportCols.${c}`));
}

function cells(r: TalentListItem, locale: Locale): (string | number)[] {
  const crafts = r.crafts.map((c) => (locale === 'en' ? craftByCode(c)?.en : craftByCode(c)?.zh) ?? c).join('、');
  return [r.name, r.artist_name ?? '', r.phone ?? '', r.nationality ?? '', r.residence_district ?? '', r.education ?? '', crafts, r.title_level ?? '', r.ich_level ?? '', r.verified_count, r.registered_at.slice(0, 10)];
}

/**
 * Streams the caller's zone as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or XLSX, page by page —
 * memory stays bounded whatever the size. Phones stay masked. The export and its stated purpose are audited.
 */
export async function exportTalents(actor: Actor | null, q: ExportQuery, locale: Locale, ip: string): Promise<Response> {
  const me = await authorize(actor, 'talents.export', undefined, { ip });
  await audit({ action: 'talents.export', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { format: q.format, purpose: q.purpose, zone: me.zoneCode } });
  const { format, purpose: _purpose, ...filters } = q;
  const date = formatYmd(jdzToday()); // the Jingdezhen date (ADR 004): UTC is a day behind before 08:00
  const name = `${translate(locale, 'exportCols.fileName')}-${date}.${format}`;
  const headers = {
    'content-disposition': contentDisposition(name, 'attachment'),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  };
  if (format === 'csv') {
    const encoder = new TextEncoder();
    const pages = iterateTalents(me, filters);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${header(locale).map(csvField).join(',')}\r\n`));
      },
      async pull(controller) {
        const next = await pages.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((r) => `${cells(r, locale).map(csvField).join(',')}\r\n`).join('')));
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    return new Response(stream, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(translate(locale, 'exportCols.sheet'));
  sheet.columns = header(locale).map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      for await (const page of iterateTalents(me, filters)) {
        for (const r of page) sheet.addRow(cells(r, locale)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
