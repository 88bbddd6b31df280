/**
 * Every domain's background jobs and event consumers, registered by importing their `jobs.ts` (one line per
 * domain; ADR 010's checklist). A worker imports this before it claims anything.
 */
import './maintenance';
import '@/lib/auth/jobs';
import '@/lib/policies/jobs';
import '@/lib/mentors/jobs';
import '@/lib/party/transfer-jobs';
import '@/lib/party/dues-jobs';
import '@/lib/party/mobile-jobs';
import '@/lib/bookings/jobs';
import '@/lib/search/jobs';
