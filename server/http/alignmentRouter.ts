import { Router, type Request } from 'express'
import type { AuthStore } from '../auth/index.ts'
import { storeDocument } from '../documents/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { rememberAlignedPairs, type TranslationMemoryStore } from '../tm/index.ts'
import { ownBuffer } from '../workers/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { alignmentFields, confirmAlignmentBody } from './alignmentSchemas.ts'
import { projectField } from './schemas.ts'
import type { SegmentationStore } from '../segmentation/index.ts'
import { AlignmentError, ImportError } from './errors.ts'
import type { ImportQueue } from './importQueue.ts'
import { jsonBody } from './jsonBody.ts'
import { requireDistinctLanguages, requireLanguage, titleFromFileName } from './importFields.ts'
import { parseInput } from './parseInput.ts'
import { requireUser } from './session.ts'
import { readUpload, type UploadedFile } from './readUpload.ts'

export interface AlignmentRouterOptions {
  store: DocumentStore
  auth: AuthStore
  segmentation: SegmentationStore
  tm: TranslationMemoryStore
  maxUploadBytes: number
  /** Decoding, segmenting, aligning and building the document run in the worker pool. */
  imports: ImportQueue
}

const SIDES = ['source', 'target'] as const
type Side = (typeof SIDES)[number]

function requireFile(file: UploadedFile | undefined, side: Side): UploadedFile {
  if (!file) throw new ImportError('import.missing_file', `No ${side} file was uploaded.`)
  return file
}

/** `/api/alignments`: propose an alignment of a text and its translation; confirm it as a document. */
export function alignmentRouter(options: AlignmentRouterOptions): Router {
  const { store, auth, segmentation, tm, maxUploadBytes, imports } = options
  const router = Router()

  /** Aligning creates a document, so it takes what importing takes: a manager or an admin. */
  const requireImporter = async (request: Request, fields: unknown): Promise<string> => {
    const user = requireUser(request)
    const { projectId } = parseInput(projectField, fields)
    requirePermission(await requireProjectRole(auth, user, projectId), 'import')
    return projectId
  }

  router.post('/', async (request, response) => {
    const user = requireUser(request)
    const proposal = await imports.withSlot(request, response, user, async (slot) => {
      const upload = await readUpload(request, maxUploadBytes, SIDES)
      const projectId = await requireImporter(request, upload.fields)
      const sourceFile = requireFile(upload.files.source, 'source')
      const targetFile = requireFile(upload.files.target, 'target')
      const fields = parseInput(alignmentFields, upload.fields)
      const sourceLang = requireLanguage(fields.sourceLang, 'source language')
      const targetLang = requireLanguage(fields.targetLang, 'target language')
      requireDistinctLanguages(sourceLang, targetLang, fields.sameLanguage)
      const title = fields.title || titleFromFileName(sourceFile.name) || 'Untitled'
      const source = ownBuffer(sourceFile.bytes)
      const target = ownBuffer(targetFile.bytes)
      return slot.run(
        'proposeAlignment',
        {
          title,
          sourceLang,
          targetLang,
          sourceBytes: source.bytes,
          targetBytes: target.bytes,
          sourceEncoding: fields.sourceEncoding,
          targetEncoding: fields.targetEncoding,
          // Sentences as the project's imports cut them (its SRX file and exceptions), both sides.
          rules: await segmentation.load(projectId),
        },
        { transfer: [source.buffer, target.buffer] },
      )
    })
    const [empty] = proposal.emptySides
    if (empty) throw new AlignmentError('align.empty_side', `The ${empty} file has no text.`)
    const { json } = proposal
    // Serialized by the worker: a proposal for two 20 MB texts is tens of megabytes of JSON.
    response
      .type('application/json')
      .send(Buffer.from(json.buffer, json.byteOffset, json.byteLength))
  })

  // Pairs carry both texts, so the body may be as large as the two uploads together.
  router.post('/confirm', jsonBody(2 * maxUploadBytes + 1024 * 1024), async (request, response) => {
    const projectId = await requireImporter(request, request.body)
    const body = parseInput(confirmAlignmentBody, request.body)
    const sourceLang = requireLanguage(body.sourceLang, 'source language')
    const targetLang = requireLanguage(body.targetLang, 'target language')
    requireDistinctLanguages(sourceLang, targetLang, body.sameLanguage ?? false)
    const orphan = body.pairs.findIndex((pair) => pair.source.trim() === '')
    if (orphan >= 0) {
      throw new AlignmentError(
        'align.empty_source',
        `Pair ${orphan + 1} has no source text; merge it with a neighbour.`,
      )
    }
    const user = requireUser(request)
    const { title } = body
    const summary = await imports.withSlot(request, response, user, async (slot) => {
      const now = Date.now()
      const built = await slot.run('buildAlignedDocument', {
        title,
        sourceLang,
        targetLang,
        pairs: body.pairs,
        ...(body.trailing === undefined ? {} : { trailing: body.trailing }),
        ...(body.sourceEncoding === undefined ? {} : { sourceEncoding: body.sourceEncoding }),
        now,
      })
      return storeDocument(store, { title, sourceLang, targetLang }, built, now)
    })
    await auth.addDocumentToProject(projectId, summary.id)
    // Confirmed pairs are translations people vouched for: the project's memory learns them now.
    const remembered = await rememberAlignedPairs(tm, {
      projectId,
      projectName: (await auth.getProject(projectId))?.name ?? body.title,
      documentId: summary.id,
      sourceLang,
      targetLang,
      pairs: body.pairs,
      author: user.username,
    })
    response.status(201).json({
      memoryUnits: remembered.added + remembered.updated,
      id: summary.id,
      title: summary.title,
      sourceLang: summary.sourceLang,
      targetLang: summary.targetLang,
      segments: summary.progress.segments,
      translated: summary.progress.byStatus.translated,
      draft: summary.progress.byStatus.draft,
    })
  })

  return router
}
