import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'

/*
 * A server whose output nobody reads any more (the pipe it logs to is closed) goes on serving
 * and still stops on SIGTERM. Before, each failed write was an uncaught exception whose
 * handler logged it, failing again: the process spun on one core and never stopped.
 */

let dir: TempDir | null = null
let server: ServerProcess | null = null

afterEach(async () => {
  await server?.kill9()
  server = null
  await dir?.remove()
  dir = null
})

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** A WebSocket upgrade from a foreign page: the server refuses it and logs a warning. */
function foreignUpgrade(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        [
          'GET /sync/some-document HTTP/1.1',
          'Host: 127.0.0.1',
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Origin: http://foreign.example',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          '',
          '',
        ].join('\r\n'),
      )
    })
    socket.on('data', () => {
      socket.destroy()
      resolve()
    })
    socket.on('error', () => resolve())
    socket.on('close', () => resolve())
  })
}

test('a server whose log pipe is closed keeps serving, idles, and stops on SIGTERM', async () => {
  dir = await makeTempDir('qalam-lost-output-')
  server = await spawnServer({ DATA_DIR: dir.path })
  const { child, port } = server
  child.stdout!.destroy()
  child.stderr!.destroy()
  // Each refusal is a warning written to the closed pipe.
  for (let i = 0; i < 20; i++) await foreignUpgrade(port)
  const health = await fetch(`http://127.0.0.1:${port}/healthz`)
  expect(health.status).toBe(200)

  const before = cpuSeconds(child.pid!)
  await new Promise((resolve) => setTimeout(resolve, 1500))
  // Idle: not a loop of failing writes.
  expect(cpuSeconds(child.pid!) - before).toBeLessThan(0.5)

  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const code = await Promise.race([
    exited,
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000)),
  ])
  expect(code).toBe(0)
})
