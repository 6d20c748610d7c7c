import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@qalam/shared/api'
import type { ProjectRole } from '@qalam/shared/workflow'
import { hashPassword } from '../../server/auth/index.ts'
import { openDatabase } from '../../server/database/index.ts'
import { stderrLogger } from '../../server/logging/index.ts'
import { TEST_PASSWORD_COST } from './passwordCost.ts'

/** A logged-in user: what the server said about them and the cookie header that carries it. */
export interface Session {
  user: { id: string; username: string; isAdmin: boolean }
  /** `qalam_session=…`, ready for a `Cookie` header. */
  cookie: string
  password: string
}

export const TEST_PASSWORD = 'correct horse battery'

/** What the client puts on every API request (CSRF defence); tests send it too. */
export const CLIENT_HEADERS = { [REQUEST_HEADER]: REQUEST_HEADER_VALUE }

/** Headers for a request as `session` (or anonymous when null), as the client sends them. */
export function asUser(session: Session | null, headers: Record<string, string> = {}) {
  const withClient = { ...CLIENT_HEADERS, ...headers }
  return session ? { ...withClient, cookie: session.cookie } : withClient
}

/** Logs in through the API; throws unless the server answered 200 with a cookie. */
export async function login(serverUrl: string, username: string, password = TEST_PASSWORD) {
  const response = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await response.json()) as { user: Session['user'] }
  const setCookie = response.headers.get('set-cookie')
  if (response.status !== 200 || !setCookie) {
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`)
  }
  return { user: body.user, cookie: setCookie.split(';')[0]!, password } satisfies Session
}

/**
 * Creates an administrator straight in the server's database, as `npm run cli -- user add
 * --admin` does (there is no other way to get the first one), then logs them in. The
 * server's PostgreSQL when it has a `databaseUrl`, else its SQLite file.
 */
export async function createAdmin(
  server: { url: string; databaseFile: string; databaseUrl?: string | null },
  username = 'admin',
): Promise<Session> {
  const database = await openDatabase(
    server.databaseUrl
      ? { engine: 'postgres', url: server.databaseUrl }
      : { engine: 'sqlite', file: server.databaseFile },
    { log: stderrLogger, migrate: false },
  )
  try {
    await database.auth.createUser({
      username,
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_COST),
      isAdmin: true,
    })
  } finally {
    await database.close()
  }
  return login(server.url, username)
}

async function postJson(serverUrl: string, path: string, session: Session, body: unknown) {
  const response = await fetch(serverUrl + path, {
    method: 'POST',
    headers: asUser(session, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  })
  const answer = (await response.json()) as unknown
  if (response.status !== 201) {
    throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(answer)}`)
  }
  return answer
}

/** An account created by an administrator through the API, logged in. */
export async function createUser(
  serverUrl: string,
  admin: Session,
  username: string,
  options: { isAdmin?: boolean } = {},
): Promise<Session> {
  await postJson(serverUrl, '/api/users', admin, {
    username,
    password: TEST_PASSWORD,
    isAdmin: options.isAdmin ?? false,
  })
  return login(serverUrl, username)
}

export async function createProject(serverUrl: string, admin: Session, name = 'Project') {
  return ((await postJson(serverUrl, '/api/projects', admin, { name })) as { id: string }).id
}

export async function addMember(
  serverUrl: string,
  by: Session,
  projectId: string,
  username: string,
  role: ProjectRole,
): Promise<void> {
  await postJson(serverUrl, `/api/projects/${projectId}/members`, by, { username, role })
}
