// The reference for `npm run bench -- sync`: y-websocket 1.5.4's own server (bin/utils.js's
// setupWSConnection, as its bin/server.js wires it), in memory, no checks. Documents are
// seeded with `PUT /seed/<name>` (body: the whole state as one update) before clients join.
import { createServer } from 'node:http'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const utilsPath = require.resolve('y-websocket-ref/bin/utils')
const fromReference = createRequire(utilsPath)
const { setupWSConnection, getYDoc } = fromReference('./utils.js')
const Y = fromReference('yjs')
const WebSocket = fromReference('ws')

const wss = new WebSocket.Server({ noServer: true })
const server = createServer((request, response) => {
  const seed = /^\/seed\/(.+)$/.exec(request.url ?? '')
  if (request.method !== 'PUT' || !seed) {
    response.writeHead(200, { 'content-type': 'text/plain' })
    response.end('okay')
    return
  }
  const chunks = []
  request.on('data', (chunk) => chunks.push(chunk))
  request.on('end', () => {
    Y.applyUpdate(getYDoc(decodeURIComponent(seed[1])), new Uint8Array(Buffer.concat(chunks)))
    response.writeHead(204)
    response.end()
  })
})
wss.on('connection', (conn, request) => {
  const docName = decodeURIComponent((request.url ?? '/').replace(/^\/sync\//, '').split('?')[0])
  setupWSConnection(conn, request, { docName })
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`reference is listening on http://127.0.0.1:${server.address().port}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0))
