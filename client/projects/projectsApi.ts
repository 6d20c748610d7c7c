import { z } from 'zod'
import { actingRole } from '../auth/roleSchema.ts'
import { jsonInit, requestJson } from '../http/requestJson.ts'

const timestamp = z.union([z.string(), z.number()])

const projectListItem = z.object({
  id: z.string(),
  name: z.string(),
  role: actingRole,
  createdAt: timestamp,
  documents: z.number(),
})

export type ProjectListItem = z.infer<typeof projectListItem>

const project = z.object({ id: z.string(), name: z.string(), role: actingRole })

/** One project as its page shows it: with the role the user acts in there. */
export type Project = z.infer<typeof project>

/** The user's projects (every project for an administrator). */
export async function fetchProjects(signal?: AbortSignal): Promise<ProjectListItem[]> {
  return (
    await requestJson('/api/projects', z.object({ projects: z.array(projectListItem) }), {
      signal,
    })
  ).projects
}

export function fetchProject(id: string, signal?: AbortSignal): Promise<Project> {
  return requestJson(`/api/projects/${encodeURIComponent(id)}`, project, { signal })
}

export function createProject(name: string): Promise<{ id: string; name: string }> {
  return requestJson(
    '/api/projects',
    z.object({ id: z.string(), name: z.string() }),
    jsonInit('POST', { name }),
  )
}
