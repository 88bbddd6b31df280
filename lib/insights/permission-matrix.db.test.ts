/** The permission matrix for the zone staff dashboard (fixtures beside this file, harness in tests/helpers/matrix.ts). */
import { runMatrix } from '@/tests/helpers/matrix';
import * as fixtures from './matrix.fixtures';

runMatrix('insights', fixtures);
