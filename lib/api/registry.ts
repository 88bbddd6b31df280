import 'server-only';
import * as account from '@/lib/account/api';
import * as admin from '@/lib/admin/api';
import * as auth from '@/lib/auth/api';
import * as bookings from '@/lib/bookings/api';
import * as jobs from '@/lib/jobs/api';
import * as mentors from '@/lib/mentors/api';
import * as notifications from '@/lib/notifications/api';
import * as party from '@/lib/party/api';
import * as partyTransfers from '@/lib/party/transfer-api';
import * as partyDues from '@/lib/party/dues-api';
import * as partyActivities from '@/lib/party/activities-api';
import * as partyReports from '@/lib/party/reports-api';
import * as partyMobile from '@/lib/party/mobile-api';
import * as partyStats from '@/lib/party/stats-api';
import * as policies from '@/lib/policies/api';
import * as policyImpact from '@/lib/policies/impact-api';
import * as policyDashboard from '@/lib/policies/dashboard-api';
import * as portfolio from '@/lib/portfolio/api';
import * as search from '@/lib/search/api';
import * as system from '@/lib/system/api';
import * as talent from '@/lib/talent/api';
import * as zones from '@/lib/zones/api';
import type { ApiRouteDef } from './route';

/** Every /api/v1 route, for OpenAPI and the permission matrix. A route file not listed here fails the matrix test. */
export const apiRoutes: ApiRouteDef[] = [system, auth, account, admin, jobs, party, partyTransfers, partyDues, partyActivities, partyReports, partyMobile, partyStats, zones, talent, portfolio, policies, policyImpact, policyDashboard, bookings, notifications, mentors, search].flatMap((mod) => Object.values(mod) as ApiRouteDef[]);
