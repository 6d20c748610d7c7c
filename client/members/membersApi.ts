import { z } from 'zod'
import type { ProjectRole } from '@qalam/shared/workflow'
import { projectRole } from '../auth/roleSchema.ts'
import { jsonInit, requestJson, requestNoContent } from '../http/requestJson.ts'

const member = z.object({ userId: z.string(), username: z.string(), role: projectRole })

export type Member = z.infer<typeof member>

function membersUrl(projectId: string, userId?: string): string {
  const base = `/api/projects/${encodeURIComponent(projectId)}/members`
  return userId === undefined ? base : `${base}/${encodeURIComponent(userId)}`
}

export async function fetchMembers(projectId: string, signal?: AbortSignal): Promise<Member[]> {
  return (
    await requestJson(membersUrl(projectId), z.object({ members: z.array(member) }), { signal })
  ).members
}

export function addMember(projectId: string, username: string, role: ProjectRole): Promise<Member> {
  return requestJson(membersUrl(projectId), member, jsonInit('POST', { username, role }))
}

export async function changeMemberRole(
  projectId: string,
  userId: string,
  role: ProjectRole,
): Promise<void> {
  await requestJson(membersUrl(projectId, userId), z.unknown(), jsonInit('PATCH', { role }))
}

export function removeMember(projectId: string, userId: string): Promise<void> {
  return requestNoContent(membersUrl(projectId, userId), { method: 'DELETE' })
}
