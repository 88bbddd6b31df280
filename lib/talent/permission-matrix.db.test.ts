/**
 * The permission matrix for talents, Party organisations, zones and the system routes (fixtures in each domain's
 * matrix.fixtures.ts, harness in tests/helpers/matrix.ts). Small domains share a test file: each file pays a
 * database set-up.
 */
import * as party from '@/lib/party/matrix.fixtures';
import * as system from '@/lib/system/matrix.fixtures';
import * as zones from '@/lib/zones/matrix.fixtures';
import { runMatrix } from '@/tests/helpers/matrix';
import * as talent from './matrix.fixtures';

runMatrix({ talent, party, zones, system });
