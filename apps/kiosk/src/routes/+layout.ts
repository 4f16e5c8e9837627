// A single-page app served as static files by the api: no server rendering, nothing prerendered.
export const ssr = false;
export const prerender = false;
