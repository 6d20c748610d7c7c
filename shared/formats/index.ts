export * from './plainText/index.ts'
