/** The shape of every policy code (JP-001): the zod schemas and the proxy's cached-page rewrite check the same. */
export const POLICY_CODE = /^[A-Z][A-Z0-9]*-\d{3}$/;
