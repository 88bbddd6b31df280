/** The permission matrix for mentors and 师带徒 (fixtures in ./matrix.fixtures.ts, harness in tests/helpers/matrix.ts). */
import { runMatrix } from '@/tests/helpers/matrix';
import * as mentors from './matrix.fixtures';

runMatrix({ mentors });
