import { Router, type Request } from 'express'
import {
  abbreviationRule,
  explainSegmentation,
  MAX_SRX_BYTES,
  projectSrx,
  readSrx,
  SrxError,
  toJsRegExp,
  writeSrx,
  type SrxRule,
} from '@qalam/shared/segmentation'
import type { AuthStore } from '../auth/index.ts'
import { projectRules, type SegmentationStore } from '../segmentation/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import { AppError, NotFoundError } from './errors.ts'
import { requireLanguage } from './importFields.ts'
import { jsonBody, textBody } from './jsonBody.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import {
  exceptionParams,
  exceptionRequest,
  explainRequest,
  MAX_EXPLAIN_CHARS,
} from './segmentationSchemas.ts'
import { requireUser } from './session.ts'

export interface SegmentationRouterOptions {
  auth: AuthStore
  segmentation: SegmentationStore
}

/** A project has at most this many exceptions; more is a rule set, which belongs in SRX. */
const MAX_EXCEPTIONS = 200

/** SRX problems answer 400 (413 for size) with the file's line and rule in the message. */
function asAppError(error: unknown): unknown {
  if (!(error instanceof SrxError)) return error
  return new AppError(error.code, error.code === 'srx.too_large' ? 413 : 400, error.message)
}

function checkRule(rule: SrxRule): void {
  try {
    toJsRegExp(rule.beforeBreak, 'beforebreak')
    toJsRegExp(rule.afterBreak, 'afterbreak')
  } catch (error) {
    throw asAppError(error)
  }
}

/** `/api/projects/:id/segmentation`: the SRX file, exceptions, export and explanations. */
export function segmentationRouter({ auth, segmentation }: SegmentationRouterOptions): Router {
  const router = Router({ mergeParams: true })

  const projectRole = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    return { id, role: await requireProjectRole(auth, user, id) }
  }

  router.get('/', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    const rules = await projectRules(segmentation, id)
    response.json({
      srx: rules.srx && {
        cascade: rules.srx.cascade,
        languageRules: rules.srx.languageRules.map((entry) => ({
          name: entry.name,
          rules: entry.rules.length,
        })),
        languageMaps: rules.srx.languageMaps,
      },
      exceptions: rules.exceptions.map(({ id: exceptionId, lang, rule }) => ({
        id: exceptionId,
        lang,
        ...rule,
      })),
    })
  })

  router.put('/srx', textBody(MAX_SRX_BYTES), async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'import')
    const xml = typeof request.body === 'string' ? request.body.replace(/^\uFEFF/u, '') : ''
    let document
    try {
      document = readSrx(xml)
    } catch (error) {
      throw asAppError(error)
    }
    await segmentation.setSrx(id, xml)
    response.json({
      languageRules: document.languageRules.map((entry) => entry.name),
      rules: document.languageRules.reduce((sum, entry) => sum + entry.rules.length, 0),
    })
  })

  router.delete('/srx', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'import')
    await segmentation.setSrx(id, null)
    response.status(204).end()
  })

  router.get('/srx', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    const rules = await projectRules(segmentation, id)
    const origin = rules.srx ? "the project's SRX file" : "Qalam's built-in rules"
    const xml = writeSrx(
      projectSrx(rules),
      `Segmentation rules of this project: ${origin} with ${rules.exceptions.length} exception(s) first.`,
    )
    response
      .set({
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': attachmentDisposition('segmentation.srx'),
      })
      .send(xml)
  })

  router.post('/exceptions', jsonBody(), async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'import')
    const input = parseInput(exceptionRequest, request.body)
    const lang = requireLanguage(input.lang, 'language')
    const rule: SrxRule =
      'abbreviation' in input
        ? abbreviationRule(input.abbreviation)
        : { isBreak: input.isBreak, beforeBreak: input.beforeBreak, afterBreak: input.afterBreak }
    checkRule(rule)
    if ((await segmentation.load(id)).exceptions.length >= MAX_EXCEPTIONS) {
      throw new AppError(
        'segmentation.too_many_exceptions',
        400,
        `A project has at most ${MAX_EXCEPTIONS} exceptions; import an SRX file instead.`,
      )
    }
    const added = await segmentation.addException(id, lang, rule)
    response.status(201).json({ id: added.id, lang: added.lang, ...added.rule })
  })

  router.delete('/exceptions/:exceptionId', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'import')
    const { exceptionId } = parseInput(exceptionParams, request.params)
    if (!(await segmentation.removeException(id, exceptionId))) {
      throw new NotFoundError('request.not_found', `No exception ${exceptionId}.`)
    }
    response.status(204).end()
  })

  router.post('/explain', jsonBody(4 * MAX_EXPLAIN_CHARS + 1024), async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    const input = parseInput(explainRequest, request.body)
    const lang = requireLanguage(input.lang, 'language')
    const { segments, decisions } = explainSegmentation(
      input.text,
      lang,
      await projectRules(segmentation, id),
    )
    response.json({
      segments: segments.map(({ text, start, end }) => ({ text, start, end })),
      decisions,
    })
  })

  return router
}
