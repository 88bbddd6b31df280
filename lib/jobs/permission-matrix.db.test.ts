/** The permission matrix for this domain's routes and actions (fixtures beside this file, harness in tests/helpers/matrix.ts). */
import { runMatrix } from '@/tests/helpers/matrix';
import * as fixtures from './matrix.fixtures';

runMatrix('jobs', fixtures);
