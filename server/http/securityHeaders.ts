import type { RequestHandler } from 'express'

/*
 * Scripts and styles come only from our own origin, so an injected `<script>` or an inline
 * event handler does not run even if some text ever reached the page unescaped. Styles allow
 * inline attributes because React and Lexical set element styles; they cannot run code.
 * `data:` covers the inline favicon and the small assets Vite inlines. The page may not be
 * framed (clickjacking) and sends no Referer, which would carry document ids to other sites.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const

/** Sets the security headers on every response, API and client files alike. */
export function securityHeaders(): RequestHandler {
  return (_request, response, next) => {
    response.set(HEADERS)
    next()
  }
}
