/** Realistic 景漂 profiles for the core-policy tests (evaluated on 2026-06-01); they live in ./golden-profiles. */
export { AJIE, EMMA, LIHUA, MASTER_WANG, SPARSE, TOM, XIAOLIN, XIAOMEI, ZHAO } from './golden-profiles';
