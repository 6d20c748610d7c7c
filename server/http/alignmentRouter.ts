import { Router, type Request } from 'express'
import { createAlignedDocument, proposeAlignment } from '../alignment/index.ts'
import type { AuthStore } from '../auth/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { alignmentFields, confirmAlignmentBody } from './alignmentSchemas.ts'
import { projectField } from './schemas.ts'
import { decodeTextFileAs } from './decodeTextFile.ts'
import type { Encoding } from '../encoding/index.ts'
import { projectRules, type SegmentationStore } from '../segmentation/index.ts'
import { AlignmentError, ImportError } from './errors.ts'
import { jsonBody } from './jsonBody.ts'
import { requireDistinctLanguages, requireLanguage, titleFromFileName } from './importFields.ts'
import { parseInput } from './parseInput.ts'
import { requireUser } from './session.ts'
import { readUpload, type UploadedFile } from './readUpload.ts'

export interface AlignmentRouterOptions {
  store: DocumentStore
  auth: AuthStore
  segmentation: SegmentationStore
  maxUploadBytes: number
}

const SIDES = ['source', 'target'] as const
type Side = (typeof SIDES)[number]

type ImportCode = ConstructorParameters<typeof ImportError>[0]

function requireFile(file: UploadedFile | undefined, side: Side): UploadedFile {
  if (!file) throw new ImportError('import.missing_file', `No ${side} file was uploaded.`)
  return file
}

/** Decodes one side like an imported document, naming the side in the English message. */
function decodeSide(file: UploadedFile, side: Side, encoding: Encoding | undefined): string {
  try {
    return decodeTextFileAs(file.bytes, encoding)
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    throw new ImportError(error.code as ImportCode, `The ${side} file: ${error.message}`)
  }
}

/** `/api/alignments`: propose an alignment of a text and its translation; confirm it as a document. */
export function alignmentRouter({
  store,
  auth,
  segmentation,
  maxUploadBytes,
}: AlignmentRouterOptions): Router {
  const router = Router()

  /** Aligning creates a document, so it takes what importing takes: a manager or an admin. */
  const requireImporter = async (request: Request, fields: unknown): Promise<string> => {
    const user = requireUser(request)
    const { projectId } = parseInput(projectField, fields)
    requirePermission(await requireProjectRole(auth, user, projectId), 'import')
    return projectId
  }

  router.post('/', async (request, response) => {
    requireUser(request)
    const upload = await readUpload(request, maxUploadBytes, SIDES)
    const projectId = await requireImporter(request, upload.fields)
    const sourceFile = requireFile(upload.files.source, 'source')
    const targetFile = requireFile(upload.files.target, 'target')
    const fields = parseInput(alignmentFields, upload.fields)
    const sourceLang = requireLanguage(fields.sourceLang, 'source language')
    const targetLang = requireLanguage(fields.targetLang, 'target language')
    requireDistinctLanguages(sourceLang, targetLang, fields.sameLanguage)
    const sourceText = decodeSide(sourceFile, 'source', fields.sourceEncoding)
    const targetText = decodeSide(targetFile, 'target', fields.targetEncoding)
    const title = fields.title || titleFromFileName(sourceFile.name) || 'Untitled'
    // Sentences as the project's imports cut them (its SRX file and exceptions), on both sides.
    const proposal = proposeAlignment({
      title,
      sourceLang,
      targetLang,
      sourceText,
      targetText,
      rules: await projectRules(segmentation, projectId),
    })
    for (const side of SIDES) {
      if (proposal[side].sentences.length === 0) {
        throw new AlignmentError('align.empty_side', `The ${side} file has no text.`)
      }
    }
    response.json({ ...proposal, sourceEncoding: fields.sourceEncoding ?? 'utf-8' })
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
    const summary = await createAlignedDocument(store, {
      title: body.title,
      sourceLang,
      targetLang,
      pairs: body.pairs,
      ...(body.trailing === undefined ? {} : { trailing: body.trailing }),
      ...(body.sourceEncoding === undefined ? {} : { sourceEncoding: body.sourceEncoding }),
    })
    await auth.addDocumentToProject(projectId, summary.id)
    response.status(201).json({
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
