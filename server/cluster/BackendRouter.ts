import type { Backend } from './Backend.ts'

/** FNV-1a: a stable, cheap spread of document ids over the backends. */
function hash(text: string): number {
  let value = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i)
    value = Math.imul(value, 0x01000193)
  }
  return value >>> 0
}

interface Placement {
  backend: Backend
  sockets: number
}

/**
 * Which backend a request or a document's socket goes to. A document's sockets go where its
 * other open sockets are (one process then holds the document in memory and relays its
 * updates itself, without a round trip through Redis), else to the backend its id hashes
 * to, else to the next healthy one. Plain requests stay on the backend named by their
 * cookie, else go round the healthy ones in turn.
 */
export class BackendRouter {
  private readonly placements = new Map<string, Placement>()
  private turn = 0

  constructor(readonly backends: readonly Backend[]) {}

  /** Healthy backends for a document's socket, the preferred one first. */
  forDocument(documentId: string): Backend[] {
    const placed = this.placements.get(documentId)
    const start = hash(documentId) % this.backends.length
    const ordered = this.healthyFrom(start)
    if (placed?.backend.isHealthy)
      return [placed.backend, ...ordered.filter((b) => b !== placed.backend)]
    return ordered
  }

  /** Healthy backends for a plain request: the one its cookie names first, then in turn. */
  forRequest(stickyName: string | null): Backend[] {
    const sticky = this.backends.find((backend) => backend.name === stickyName)
    const ordered = this.healthyFrom(this.turn++ % this.backends.length)
    if (sticky?.isHealthy) return [sticky, ...ordered.filter((b) => b !== sticky)]
    return ordered
  }

  /** A document's socket is open on `backend`; later ones follow it there while it is. */
  opened(documentId: string, backend: Backend): void {
    const placed = this.placements.get(documentId)
    if (placed && placed.backend === backend) placed.sockets++
    // A socket placed elsewhere (its backend was down) moves the document's home.
    else this.placements.set(documentId, { backend, sockets: 1 })
  }

  closed(documentId: string, backend: Backend): void {
    const placed = this.placements.get(documentId)
    if (!placed || placed.backend !== backend) return
    if (--placed.sockets === 0) this.placements.delete(documentId)
  }

  private healthyFrom(start: number): Backend[] {
    const ordered: Backend[] = []
    for (let k = 0; k < this.backends.length; k++) {
      const backend = this.backends[(start + k) % this.backends.length]!
      if (backend.isHealthy && backend.url) ordered.push(backend)
    }
    return ordered
  }
}
