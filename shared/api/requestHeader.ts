/**
 * The header the client puts on every API request. A page on another site cannot send it:
 * a form post or a `no-cors` fetch carries no custom headers, and a CORS fetch with one needs a
 * preflight the server never grants. The server therefore takes its presence as proof that the
 * request came from our own page (CSRF defence in addition to the Origin check).
 */
export const REQUEST_HEADER = 'X-Qalam-Request'
export const REQUEST_HEADER_VALUE = '1'
