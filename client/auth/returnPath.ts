/** Where the login page sends the user back to: `?next=` when it is a path of this app. */
export function returnPathFrom(search: string): string {
  const next = new URLSearchParams(search).get('next')
  // Only same-origin paths: `//host` or `https://…` would turn the login page into an open redirect.
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return '/'
  return next.startsWith('/login') ? '/' : next
}

/** The login page's address, remembering `location` to come back to. */
export function loginPath(location: { pathname: string; search: string; hash: string }): string {
  const here = `${location.pathname}${location.search}${location.hash}`
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`
}
