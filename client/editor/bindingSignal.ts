/**
 * Tells plugins that CollaborationPlugin has finished binding the editor. The plugin calls the
 * provider's `connect()` from the effect that also wires its observers, and React runs the rest
 * of that commit's effects (the UndoManager that exposes the binding) in the same batch, so a
 * microtask after `connect()` sees a complete binding.
 */
export interface BindingSignal {
  notify(): void
  whenBound(listener: () => void): () => void
}

export function createBindingSignal(): BindingSignal {
  let isBound = false
  const listeners = new Set<() => void>()
  return {
    notify() {
      queueMicrotask(() => {
        isBound = true
        for (const listener of listeners) listener()
      })
    },
    whenBound(listener) {
      if (isBound) listener()
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
