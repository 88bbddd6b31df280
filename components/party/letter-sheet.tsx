import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { capitalDate, capitalYearMonth, chineseCount, jdzDate, lastValidDate } from '@/lib/party/letter-format';
import type { TransferLetter } from '@/lib/party/transfer-views';

/**
 * 《中国共产党党员组织关系介绍信》 as one A4 sheet, 一式三联 (domain-party.md §1.3): 存根 (kept by the issuer),
 * 介绍信 (carried by the member) and 回执 (returned by the receiving committee), separated by cut lines. The form is
 * prescribed and printed in Chinese whatever the interface language. Unknown facts (e.g. ethnicity, not in the
 * register) are left as blank lines to be written by hand; the seal goes on by hand too (公章 and 骑缝章).
 */

function Blank({ children, w = 'min-w-[5em]' }: { children?: ReactNode; w?: string }) {
  return <span className={cn('inline-block border-b border-ink-900 px-1 text-center leading-snug', w)}>{children ?? '\u00a0'}</span>;
}

function CutLine({ label }: { label: string }) {
  return (
    <div className="relative my-3 flex items-center gap-2 text-[10px] text-ink-600 print:my-[3mm]" role="separator" aria-label={label}>
      <span aria-hidden>✂</span>
      <span className="flex-1 border-t-2 border-dashed border-ink-400" />
      <span className="shrink-0">{label}</span>
      <span className="flex-1 border-t-2 border-dashed border-ink-400" />
    </div>
  );
}

function PartTitle({ children, no }: { children: ReactNode; no: string }) {
  return (
    <div className="mb-2 print:mb-[2mm]">
      <h2 className="text-center font-serif text-base font-bold tracking-[0.08em] text-ink-900 sm:text-lg print:text-[14pt]">{children}</h2>
      <p className="text-right text-xs text-ink-800 print:text-[9.5pt]">
        编号 <span className="font-medium">{no}</span>
      </p>
    </div>
  );
}

const GENDER = { male: '男', female: '女' } as const;
const MEMBERSHIP = { formal: '正式', probationary: '预备' } as const;

export function LetterSheet({ letter, verifyUrl, qrSrc }: { letter: TransferLetter; verifyUrl: string; qrSrc: string }) {
  const c = letter.case;
  const m = letter.member;
  const no = c.letterNo ?? '';
  const from = c.fromOrgName ?? c.fromOrgText ?? '';
  const issueDate = c.issuedAt ? capitalDate(jdzDate(c.issuedAt)) : null;
  const dues = capitalYearMonth(c.duesPaidThrough);
  const days = c.validityDays ?? 0;
  const validity = days ? `${chineseCount(days)}（${days}）` : null;
  const lastDay = c.expiresAt ? capitalDate(lastValidDate(c.expiresAt)) : null;
  const issuer = letter.issuer;
  const receiptDate = c.receiptAt ? capitalDate(jdzDate(c.receiptAt)) : null;
  const who = (
    <>
      <Blank w="min-w-[4em]">{m.name}</Blank> 同志（性别 <Blank w="min-w-[2em]">{m.gender ? GENDER[m.gender] : null}</Blank>，年龄 <Blank w="min-w-[2em]">{m.age ?? null}</Blank> 岁，民族 <Blank w="min-w-[3em]">{m.ethnicity}</Blank>）
    </>
  );

  return (
    <article
      className="letter-sheet relative mx-auto w-full max-w-[210mm] bg-white p-4 text-[13px] leading-relaxed text-ink-900 shadow-sm ring-1 ring-ink-200 sm:p-8 print:flex print:min-h-[262mm] print:max-w-none print:flex-col print:justify-between print:p-0 print:text-[11pt] print:leading-[1.8] print:shadow-none print:ring-0"
      aria-label="中国共产党党员组织关系介绍信"
      data-testid="letter-sheet"
    >
      {/* 存根 */}
      <section aria-label="存根" data-testid="letter-stub" className="break-inside-avoid">
        <PartTitle no={no}>中国共产党党员组织关系介绍信（存根）</PartTitle>
        <p>
          {who}，系中共 <Blank w="min-w-[3em]">{MEMBERSHIP[m.membershipType]}</Blank> 党员，身份证号码 <Blank w="min-w-[11em]">{m.idCardMasked}</Blank>，组织关系由 <Blank>{from}</Blank> 转到{' '}
          <Blank>{letter.destination}</Blank>。
        </p>
        <p>
          党费已交到 <Blank w="min-w-[8em]">{dues}</Blank>。有效期 <Blank w="min-w-[4em]">{validity}</Blank> 天（至 <Blank w="min-w-[8em]">{lastDay}</Blank> 止）。
        </p>
        <p className="mt-1 flex flex-wrap justify-between gap-x-6">
          <span>
            开具组织 <Blank>{issuer?.name}</Blank>
          </span>
          <span>
            开具日期 <Blank w="min-w-[9em]">{issueDate}</Blank>
          </span>
        </p>
      </section>

      <CutLine label="骑缝（加盖骑缝章）" />

      {/* 介绍信 */}
      <section aria-label="介绍信" data-testid="letter-main" className="break-inside-avoid">
        <PartTitle no={no}>中国共产党党员组织关系介绍信</PartTitle>
        <div className="flex flex-col gap-4 sm:flex-row print:flex-row">
          <div className="min-w-0 flex-1">
            <p data-testid="letter-addressee">
              <Blank w="min-w-[12em]">{letter.addressee}</Blank>：
            </p>
            <p className="indent-[2em]">
              兹介绍 {who}，系中共 <Blank w="min-w-[3em]">{MEMBERSHIP[m.membershipType]}</Blank> 党员，身份证号码 <Blank w="min-w-[11em]">{m.idCardMasked}</Blank>，组织关系由 <Blank>{from}</Blank> 转到{' '}
              <Blank>{letter.destination}</Blank>，请接洽。
            </p>
            <p className="indent-[2em]">
              该同志党费已交到 <Blank w="min-w-[8em]">{dues}</Blank>。
            </p>
            <p className="indent-[2em]">
              （有效期 <Blank w="min-w-[4em]">{validity}</Blank> 天）
            </p>
            <p className="mt-2 text-right">
              <Blank w="min-w-[12em]">{issuer?.name}</Blank>（盖章）
            </p>
            <p className="text-right">
              <Blank w="min-w-[9em]">{issueDate}</Blank>
            </p>
          </div>
          <figure className="flex shrink-0 flex-col items-center gap-1 self-center sm:self-start print:self-start">
            {/* eslint-disable-next-line @next/next/no-img-element -- a server-rendered SVG data URI, no optimisation to gain */}
            <img src={qrSrc} alt="介绍信核验二维码" width={112} height={112} className="size-28 print:size-[30mm]" data-testid="letter-qr" />
            <figcaption className="max-w-[36mm] text-center text-[10px] leading-tight text-ink-700 print:text-[7.5pt]">
              扫码核验真伪与有效期
              <span className="mt-0.5 block break-all font-mono text-[9px] text-ink-600 print:text-[6.5pt]" data-testid="verify-url">
                {verifyUrl}
              </span>
            </figcaption>
          </figure>
        </div>
        <dl className="mt-3 grid gap-x-6 gap-y-0.5 border-t border-ink-300 pt-2 text-[12px] sm:grid-cols-2 print:grid-cols-2 print:text-[9.5pt]">
          <div>
            <dt className="inline">党员联系电话：</dt>
            <dd className="inline">
              <Blank w="min-w-[8em]">{m.phoneMasked}</Blank>
            </dd>
          </div>
          <div>
            <dt className="inline">党员原所在基层党委：</dt>
            <dd className="inline">
              <Blank>{issuer?.name}</Blank>
            </dd>
          </div>
          <div className="sm:col-span-2 print:col-span-2">
            <dt className="inline">通讯地址：</dt>
            <dd className="inline">
              <Blank w="min-w-[16em]">{issuer?.address}</Blank>
            </dd>
          </div>
          <div>
            <dt className="inline">联系电话：</dt>
            <dd className="inline">
              <Blank w="min-w-[8em]">{issuer ? [issuer.phone, issuer.contactPerson].filter(Boolean).join(' ') || null : null}</Blank>
            </dd>
          </div>
          <div>
            <dt className="inline">传真：</dt>
            <dd className="inline">
              <Blank w="min-w-[6em]" />
            </dd>
            <dt className="ml-3 inline">邮编：</dt>
            <dd className="inline">
              <Blank w="min-w-[4em]">{issuer?.postalCode}</Blank>
            </dd>
          </div>
        </dl>
      </section>

      <CutLine label="沿此线剪开，回执联寄回开具组织" />

      {/* 回执 */}
      <section aria-label="回执" data-testid="letter-receipt" className="break-inside-avoid">
        <PartTitle no={no}>中国共产党党员组织关系介绍信（回执）</PartTitle>
        <p>
          <Blank w="min-w-[12em]">{issuer?.name}</Blank>：
        </p>
        <p className="indent-[2em]">
          <Blank w="min-w-[4em]">{m.name}</Blank> 同志的党员组织关系已转达我处。
        </p>
        <p className="mt-2 text-right">
          <Blank w="min-w-[12em]">{c.receiptAt ? letter.receiver?.name : null}</Blank>（盖章）
        </p>
        <p className="text-right">
          <Blank w="min-w-[9em]">{receiptDate}</Blank>
        </p>
        <p className="mt-1 flex flex-wrap gap-x-6">
          <span>
            经办人 <Blank w="min-w-[6em]">{c.receiptAt ? letter.receiptHandler : null}</Blank>
          </span>
          <span>
            联系电话 <Blank w="min-w-[8em]">{c.receiptAt ? letter.receiver?.phone : null}</Blank>
          </span>
        </p>
      </section>
    </article>
  );
}
