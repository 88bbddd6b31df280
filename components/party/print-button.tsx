'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (the page's own print styles lay out the A4 sheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()} className="print:hidden" data-testid="print-letter">
      <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d="M7 8V3h10v5M7 17H4.5A1.5 1.5 0 0 1 3 15.5v-6A1.5 1.5 0 0 1 4.5 8h15A1.5 1.5 0 0 1 21 9.5v6a1.5 1.5 0 0 1-1.5 1.5H17" />
        <path d="M7 13h10v8H7z" />
      </svg>
      {label}
    </Button>
  );
}
