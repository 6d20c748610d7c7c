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

  test('selects PostgreSQL with a postgres:// DATABASE_URL and SQLite without one', () => {
    const url = 'postgres://qalam:secret@db.example.org:5432/qalam'
    expect(configFromEnv({ DATABASE_URL: url })).toEqual({ databaseUrl: url })
    expect(configFromEnv({})).toEqual({})
    expect(configFromEnv({ DATABASE_URL: '' })).toEqual({})
  })

  test('refuses a DATABASE_URL that is not a PostgreSQL URL, naming the variable', () => {
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://db/qalam' })).toThrow(/DATABASE_URL/)
    expect(() => configFromEnv({ DATABASE_URL: './data/qalam.sqlite' })).toThrow(/DATABASE_URL/)
  })
})

describe('scale-out settings from the environment', () => {
  test('reads the Redis URL, key prefix and metrics token', () => {
    expect(
      configFromEnv({
        REDIS_URL: 'redis://cache.example.org:6379',
        REDIS_PREFIX: 'library-a:',
        METRICS_TOKEN: 'a-long-enough-token',
      }),
    ).toEqual({
      redisUrl: 'redis://cache.example.org:6379',
      redisPrefix: 'library-a:',
      metricsToken: 'a-long-enough-token',
    })
    expect(configFromEnv({ REDIS_URL: '' })).toEqual({})
  })

  test('refuses a Redis URL of another scheme, a prefix with spaces and a short token', () => {
    expect(() => configFromEnv({ REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/)
    expect(() => configFromEnv({ REDIS_PREFIX: 'a b' })).toThrow(/REDIS_PREFIX/)
    expect(() => configFromEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/)
  })
})

describe('worker pool settings from the environment', () => {
  test('reads the pool size, queue, memory and time limits, keeping defaults for the rest', () => {
    const { workers } = configFromEnv({ IMPORT_WORKERS: '0', IMPORT_QUEUE: '3' })
    expect(workers).toMatchObject({ size: 0, maxQueued: 3 })
    expect(workers?.memoryLimitMb).toBeGreaterThan(0)
    expect(
      configFromEnv({ IMPORT_WORKER_MEMORY_MB: '64', IMPORT_TIMEOUT_MS: '500' }).workers,
    ).toMatchObject({ memoryLimitMb: 64, jobTimeoutMs: 500 })
  })

  test('refuses a negative pool size, naming the variable', () => {
    expect(() => configFromEnv({ IMPORT_WORKERS: '-1' })).toThrow(/IMPORT_WORKERS/)
  })
})

describe('proxies trusted to name the client', () => {
  test('reads TRUST_PROXY as a list of addresses, subnets and Express names', () => {
    expect(configFromEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' })).toEqual({
      trustProxy: ['loopback', '10.0.0.0/8', '::1'],
    })
  })

  test('refuses a TRUST_PROXY entry that is neither, naming the variable', () => {
    expect(() => configFromEnv({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/)
  })
})

describe('password hashing cost', () => {
  test('reads PASSWORD_SCRYPT_N as scrypt’s N, keeping r and p', () => {
    expect(configFromEnv({ PASSWORD_SCRYPT_N: '131072' })).toEqual({
      passwordCost: { N: 131072, r: 8, p: 1 },
    })
  })

  test.each(['1000', '512', String(2 ** 21), 'fast'])(
    'refuses PASSWORD_SCRYPT_N=%s, naming the variable',
    (value) => {
      expect(() => configFromEnv({ PASSWORD_SCRYPT_N: value })).toThrow(/PASSWORD_SCRYPT_N/)
    },
  )
})
