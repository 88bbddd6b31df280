/**
 * The permission matrix for works, credits, evidence and notifications (fixtures in each domain's
 * matrix.fixtures.ts, harness in tests/helpers/matrix.ts). Small domains share a test file: each file pays a
 * database set-up.
 */
import * as notifications from '@/lib/notifications/matrix.fixtures';
import { runMatrix } from '@/tests/helpers/matrix';
import * as portfolio from './matrix.fixtures';

runMatrix({ portfolio, notifications });
