import { z } from 'zod'
import { jsonInit, requestJson } from '../http/requestJson.ts'

const prefillSetting = z.object({ prefillExactMatches: z.boolean() })

const settingUrl = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/prefill`

/** Whether imports into the project fill exact memory matches in as drafts. */
export async function fetchPrefillSetting(projectId: string, signal?: AbortSignal) {
  return (await requestJson(settingUrl(projectId), prefillSetting, { signal })).prefillExactMatches
}

/** Turns the project's pre-fill on or off (managers). */
export async function setPrefillSetting(projectId: string, prefill: boolean): Promise<void> {
  await requestJson(
    settingUrl(projectId),
    prefillSetting,
    jsonInit('PUT', { prefillExactMatches: prefill }),
  )
}
