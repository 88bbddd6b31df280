/** The permission matrix for this domain's routes (fixtures beside this file, harness in tests/helpers/matrix.ts). */
import { runMatrix } from '@/tests/helpers/matrix';
import * as fixtures from './matrix.fixtures';

runMatrix('search', fixtures);
