export { bundledModule, isBundled } from './bundled.ts'
