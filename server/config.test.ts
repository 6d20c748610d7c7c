import { describe, expect, test } from 'vitest'
import { configFromEnv } from './config.ts'

describe('configuration from the environment', () => {
  test('reads the allowed WebSocket origins as a comma-separated list of origins', () => {
    expect(
      configFromEnv({ ALLOWED_ORIGINS: 'http://localhost:5173, https://qalam.example.org/path' }),
    ).toEqual({ allowedOrigins: ['http://localhost:5173', 'https://qalam.example.org'] })
  })

  test('refuses an allowed origin that is not a URL, naming the variable', () => {
    expect(() => configFromEnv({ ALLOWED_ORIGINS: 'localhost:5173' })).toThrow(/ALLOWED_ORIGINS/)
  })
})
