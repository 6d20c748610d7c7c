import type * as Y from 'yjs'
import type { DocumentProgress } from '@qalam/shared/model'
import { createRoom, type Room, type RoomConnection, type RoomOptions } from './Room.ts'

export interface RoomRegistryOptions extends RoomOptions {
  /** How long a room with nobody in it stays loaded, so a quick reconnect finds it warm. */
  unloadDelayMs: number
}

interface Entry {
  room: Promise<Room | null>
  unloadTimer: NodeJS.Timeout | null
  unloading: Promise<void> | null
}

/** The open rooms by document id: loaded on first join, unloaded a while after the last leave. */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>()
  private readonly loaded = new Map<string, Room>()
  /** Set by `unloadAll`: a server shutting down loads nothing more. */
  private closing = false

  constructor(private readonly options: RoomRegistryOptions) {}

  /** Puts the connection into the document's room; null when the document does not exist. */
  async join(documentId: string, connection: RoomConnection): Promise<Room | null> {
    for (;;) {
      if (this.closing) return null
      const entry = this.entryFor(documentId)
      if (entry.unloading) {
        await entry.unloading
        continue
      }
      const room = await entry.room
      if (!room || this.closing) return null
      // Unloaded while we waited for the load: start over with a fresh room.
      if (this.entries.get(documentId) !== entry || entry.unloading) continue
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
      entry.unloadTimer = null
      room.join(connection)
      return room
    }
  }

  leave(room: Room, connection: RoomConnection): void {
    room.leave(connection)
    const entry = this.entries.get(room.documentId)
    if (entry) this.scheduleUnload(room, entry)
  }

  private scheduleUnload(room: Room, entry: Entry): void {
    if (room.connectionCount > 0 || entry.unloading || entry.unloadTimer) return
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = null
      if (room.connectionCount === 0) this.unload(room.documentId, entry, room)
    }, this.options.unloadDelayMs)
  }

  /** Rooms loaded in this process. */
  get openCount(): number {
    return this.loaded.size
  }

  /** Progress of the document as it is in memory right now, if it is open. */
  liveProgress(documentId: string): DocumentProgress | undefined {
    return this.loaded.get(documentId)?.progress()
  }

  /** The live Y.Doc of an open document; read it synchronously, do not keep it. */
  liveDocument(documentId: string): Y.Doc | undefined {
    return this.loaded.get(documentId)?.doc
  }

  /**
   * Runs a change of the server's own on the document's room (loading it if nobody has it
   * open, and unloading it again after the usual delay); null when the document does not exist.
   */
  async changeAsServer<T>(documentId: string, change: (doc: Y.Doc) => T): Promise<T | null> {
    for (;;) {
      if (this.closing) return null
      const entry = this.entryFor(documentId)
      if (entry.unloading) {
        await entry.unloading
        continue
      }
      const room = await entry.room
      if (!room) return null
      if (this.entries.get(documentId) !== entry || entry.unloading) continue
      const result = await room.changeAsServer(change)
      this.scheduleUnload(room, entry)
      return result
    }
  }

  /** Unloads every room now (server shutdown); connections must already be closed. */
  async unloadAll(): Promise<void> {
    this.closing = true
    // A room still loading would otherwise arrive after the store has closed.
    await Promise.allSettled([...this.entries.values()].map((entry) => entry.room))
    const pending: Promise<void>[] = []
    for (const [documentId, entry] of this.entries) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
      entry.unloadTimer = null
      const room = this.loaded.get(documentId)
      if (room && !entry.unloading) this.unload(documentId, entry, room)
      if (entry.unloading) pending.push(entry.unloading)
    }
    await Promise.all(pending)
  }

  private entryFor(documentId: string): Entry {
    const existing = this.entries.get(documentId)
    if (existing) return existing
    const entry: Entry = {
      room: createRoom(documentId, this.options),
      unloadTimer: null,
      unloading: null,
    }
    this.entries.set(documentId, entry)
    entry.room.then(
      (room) => {
        if (room) this.loaded.set(documentId, room)
        else if (this.entries.get(documentId) === entry) this.entries.delete(documentId)
      },
      () => {
        // A failed load is retried by the next join; the joiner sees the error itself.
        if (this.entries.get(documentId) === entry) this.entries.delete(documentId)
      },
    )
    return entry
  }

  private unload(documentId: string, entry: Entry, room: Room): void {
    entry.unloading = room
      .unload()
      .catch((error: unknown) => {
        // The log is still complete; the next load replays it, so only compaction was lost.
        this.options.log.error('sync.unload_failed', { documentId, error })
      })
      .finally(() => {
        this.loaded.delete(documentId)
        if (this.entries.get(documentId) === entry) this.entries.delete(documentId)
      })
  }
}
