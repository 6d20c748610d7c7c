/** Every error code the API answers with; the client shows `t('errors.' + code)`. */
export type ErrorCode =
  | 'import.missing_file'
  | 'import.empty'
  | 'import.not_utf8'
  | 'import.binary'
  | 'import.too_large'
  | 'import.unknown_language'
  | 'import.no_segments'
  | 'align.empty_side'
  | 'align.empty_source'
  | 'request.invalid'
  | 'request.too_large'
  | 'request.not_found'
  | 'document.not_found'
  | 'export.unknown_format'
  | 'internal'

/** An error the client caused and is told about: a code, an HTTP status and an English message. */
export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export class ImportError extends AppError {
  override name = 'ImportError'
  constructor(code: Extract<ErrorCode, `import.${string}`>, message: string) {
    super(code, code === 'import.too_large' ? 413 : 400, message)
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

export class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError'
  constructor(message: string) {
    super('request.too_large', 413, message)
  }
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError'
  constructor(code: 'document.not_found' | 'request.not_found', message: string) {
    super(code, 404, message)
  }
}

export class ExportError extends AppError {
  override name = 'ExportError'
  constructor(code: Extract<ErrorCode, `export.${string}`>, message: string) {
    super(code, 400, message)
  }
}
