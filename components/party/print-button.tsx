'use client';

import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog (the page's own print styles lay out the A4 sheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()} className="print:hidden" data-testid="print-letter">
      <span aria-hidden>🖨</span>
      {label}
    </Button>
  );
}
