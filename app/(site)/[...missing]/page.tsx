import { notFound } from 'next/navigation';

/**
 * Any URL no route matches. With two root layouts ((site) and (cached), ADR 019) there is no app-wide not-found
 * page, so unmatched URLs land here and get app/(site)/not-found.tsx inside the site's own layout.
 */
export default function Missing(): never {
  notFound();
}
