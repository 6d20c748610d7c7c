export { createApp, type AppOptions } from './createApp.ts'
export type { LiveDocuments } from './documentsRouter.ts'
export { AppError, type ErrorCode } from './errors.ts'
export type { LiveAccess } from './liveAccess.ts'
