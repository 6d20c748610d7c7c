/** Every error code the API answers with; the client shows `t('errors.' + code)`. */
export type ErrorCode =
  | 'import.missing_file'
  | 'import.empty'
  | 'import.not_utf8'
  | 'import.binary'
  | 'import.too_large'
  | 'import.unknown_language'
  | 'import.no_segments'
  | 'import.same_language'
  | 'import.language_mismatch'
  | 'import.undecodable'
  | 'import.format_mismatch'
  | 'import.xliff_malformed'
  | 'import.xliff_dtd'
  | 'import.xliff_too_large'
  | 'import.xliff_version'
  | 'import.not_xliff'
  | 'import.xml_encoding'
  | 'import.encoding_conflict'
  | 'import.markup_too_deep'
  | 'import.markup_too_long'
  | 'import.encrypted'
  | 'import.macros'
  | 'import.docx_tracked_changes'
  | 'import.not_docx'
  | 'import.docx_malformed'
  | 'import.docx_dtd'
  | 'import.docx_too_large'
  | 'import.zip_corrupt'
  | 'import.zip_bomb'
  | 'import.zip_unsafe_path'
  | 'import.zip_duplicate'
  | 'import.zip_unsupported'
  | 'align.empty_side'
  | 'align.empty_source'
  | 'request.invalid'
  | 'request.too_large'
  | 'request.cross_site'
  | 'import.busy'
  | 'import.too_complex'
  | 'import.failed'
  | 'request.not_found'
  | 'document.not_found'
  | 'export.unknown_format'
  | 'export.unrepresentable'
  | 'export.original_mismatch'
  | 'export.encoding_not_applicable'
  | 'export.no_original'
  | 'export.busy'
  | 'auth.required'
  | 'auth.forbidden'
  | 'auth.invalid_credentials'
  | 'auth.rate_limited'
  | 'auth.username_taken'
  | 'auth.deactivated'
  | 'auth.password_change_required'
  | 'password.wrong_current'
  | 'password.unchanged'
  | 'project.not_found'
  | 'user.not_found'
  | 'member.exists'
  | 'user.self'
  | 'srx.not_xml'
  | 'srx.invalid'
  | 'srx.bad_regex'
  | 'srx.too_large'
  | 'segmentation.too_many_exceptions'
  | 'tm.not_found'
  | 'tm.write_memory'
  | 'tm.owned_memory'
  | 'tm.same_language'
  | 'tm.import_id_taken'
  | 'tmx.not_xml'
  | 'tmx.not_tmx'
  | 'tmx.invalid'
  | 'tmx.dtd'
  | 'tmx.encoding'
  | 'tmx.compressed'
  | 'tmx.too_large'
  | 'glossary.not_found'
  | 'glossary.entry_not_found'
  | 'segment.not_found'
  | 'glossary_file.not_xml'
  | 'glossary_file.dtd'
  | 'glossary_file.invalid'
  | 'glossary_file.too_large'
  | 'glossary_file.empty'
  | 'glossary_file.encoding'
  | 'glossary_file.zip'
  | 'review.not_docx'
  | 'review.not_review_table'
  | 'review.too_large'
  | 'review.dtd'
  | 'review.malformed'
  | 'review.other_document'
  | 'review.no_matching_rows'
  | 'analysis.busy'
  | 'internal'

/** An error the client caused and is told about: a code, an HTTP status and an English message. */
export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    /** Facts the client shows beside the translated message (e.g. which characters). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message)
  }
}

const IMPORT_STATUS: Partial<Record<ErrorCode, number>> = {
  'import.too_large': 413,
  'import.too_complex': 413,
  'import.xliff_too_large': 413,
  'import.markup_too_long': 413,
  'import.markup_too_deep': 422,
  'import.docx_too_large': 413,
  'import.zip_bomb': 413,
  'import.failed': 422,
  'import.busy': 503,
  'import.language_mismatch': 409,
}

export class ImportError extends AppError {
  override name = 'ImportError'
  constructor(
    code: Extract<ErrorCode, `import.${string}`>,
    message: string,
    detail?: Record<string, unknown>,
  ) {
    super(code, IMPORT_STATUS[code] ?? 400, message, detail)
  }
}

const BUSY_MESSAGES = {
  'import.busy': 'The server is busy with other imports; try again shortly.',
  'export.busy': 'The server is busy with other exports and imports; try again shortly.',
} as const

/**
 * Every worker slot is taken: 503 with `Retry-After`, nothing read and nothing stored. Imports
 * and exports share the pool but are told apart, so the user reads what was refused.
 */
export class BusyError extends AppError {
  override name = 'BusyError'
  constructor(
    code: keyof typeof BUSY_MESSAGES,
    readonly retryAfterSeconds: number,
  ) {
    super(code, 503, BUSY_MESSAGES[code])
  }
}

export class AlignmentError extends AppError {
  override name = 'AlignmentError'
  constructor(code: Extract<ErrorCode, `align.${string}`>, message: string) {
    super(code, 422, message)
  }
}

export class InvalidRequestError extends AppError {
  override name = 'InvalidRequestError'
  constructor(message: string) {
    super('request.invalid', 400, message)
  }
}

/** A state-changing request that did not come from our own page: a CSRF attempt. */
export class CrossSiteError extends AppError {
  override name = 'CrossSiteError'
  constructor(message: string) {
    super('request.cross_site', 403, message)
  }
}

export class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError'
  constructor(message: string) {
    super('request.too_large', 413, message)
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError'
  constructor(
    code: 'document.not_found' | 'request.not_found' | 'project.not_found' | 'user.not_found',
    message: string,
  ) {
    super(code, 404, message)
  }
}

export class ExportError extends AppError {
  override name = 'ExportError'
  constructor(
    code: Extract<ErrorCode, `export.${string}`>,
    message: string,
    detail?: Record<string, unknown>,
  ) {
    super(code, code === 'export.unrepresentable' ? 422 : 400, message, detail)
  }
}

const AUTH_STATUS = {
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  'auth.username_taken': 409,
  'auth.rate_limited': 429,
  'auth.deactivated': 403,
  'auth.password_change_required': 403,
  'member.exists': 409,
  'user.self': 409,
} as const

/** Who is asking, or whether they may: not logged in, wrong password, role too low, taken. */
export class AuthError extends AppError {
  override name = 'AuthError'
  constructor(code: keyof typeof AUTH_STATUS, message: string) {
    super(code, AUTH_STATUS[code], message)
  }
}

/** A password change the server refuses: the current password is wrong, or nothing changes. */
export class PasswordError extends AppError {
  override name = 'PasswordError'
  constructor(code: Extract<ErrorCode, `password.${string}`>, message: string) {
    super(code, 400, message)
  }
}

const REVIEW_STATUS: Partial<Record<ErrorCode, number>> = {
  'review.too_large': 413,
  'review.other_document': 409,
  'review.no_matching_rows': 422,
}

/** An edited review table the server cannot take back: not one, another document's, hostile. */
export class ReviewImportError extends AppError {
  override name = 'ReviewImportError'
  constructor(code: Extract<ErrorCode, `review.${string}`>, message: string) {
    super(code, REVIEW_STATUS[code] ?? 400, message)
  }
}
