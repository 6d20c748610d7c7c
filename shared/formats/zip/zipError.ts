/** Why a zip archive was refused; each names one reason the user can be told. */
export type ZipErrorCode =
  | 'corrupt'
  | 'too_many_entries'
  | 'too_large'
  | 'entry_too_large'
  | 'ratio'
  | 'traversal'
  | 'absolute_path'
  | 'bad_name'
  | 'duplicate'
  | 'encrypted'
  | 'unsupported'

/** A zip archive we do not open: broken, hostile or using a feature we do not read. */
export class ZipError extends Error {
  override name = 'ZipError'
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message)
  }
}
