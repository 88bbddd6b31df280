import Link from 'next/link';
import { can, type Actor } from '@/lib/auth/permissions';
import type { Translator } from '@/lib/i18n';
import { myUnreadCount } from '@/lib/notifications/service';

/** The header bell: unread count for a signed-in user, linking to /notifications. Never breaks the header. */
export async function NotificationBell({ actor, t }: { actor: Actor; t: Translator }) {
  if (!can(actor, 'notifications.read_own')) return null;
  const unread = await myUnreadCount(actor).catch(() => 0);
  return (
    <Link
      href="/notifications"
      aria-label={t('notifications.bell', { n: unread })}
      data-testid="notification-bell"
      className="relative grid size-9 place-items-center rounded-lg text-ink-700 hover:bg-ink-100 hover:text-ink-900"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="absolute -right-0.5 -top-0.5 grid min-w-5 place-items-center rounded-full bg-red-600 px-1 text-[11px] font-bold leading-5 text-white tabular-nums">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
