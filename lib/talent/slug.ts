/** The shape of every showcase slug (the API's path parameter and the proxy's cached-page rewrite check the same). */
export const SHOWCASE_SLUG = /^[a-z0-9_-]{4,40}$/;
