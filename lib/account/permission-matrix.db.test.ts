/**
 * The permission matrix for accounts, sign-in and administration (fixtures in each domain's matrix.fixtures.ts,
 * harness in tests/helpers/matrix.ts). Small domains share a test file: each file pays a database set-up.
 */
import * as admin from '@/lib/admin/matrix.fixtures';
import * as auth from '@/lib/auth/matrix.fixtures';
import { runMatrix } from '@/tests/helpers/matrix';
import * as account from './matrix.fixtures';

runMatrix({ account, auth, admin });
