export { type AccessChange } from './messages.ts'
export { RedisFanOut, type RedisFanOutOptions } from './RedisFanOut.ts'
