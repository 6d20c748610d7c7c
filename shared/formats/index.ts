export * from './plainText/index.ts'
export * from './tmx/index.ts'
export * from './tbx/index.ts'
