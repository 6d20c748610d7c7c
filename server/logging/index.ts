export {
  createJsonLogger,
  stderrLogger,
  type LogFields,
  type LogLevel,
  type Logger,
} from './logger.ts'
export { keepServingWithoutOutput } from './lostOutput.ts'
