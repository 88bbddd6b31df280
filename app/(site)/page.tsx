import { redirect } from 'next/navigation';
import { LandingView } from '@/components/shell/landing-view';
import { getActor } from '@/lib/auth/current';
import { getTranslator } from '@/lib/i18n/server';

export default async function LandingPage() {
  const [{ t }, actor] = await Promise.all([getTranslator(), getActor()]);
  if (actor) redirect('/dashboard');
  return <LandingView t={t} />;
}
