/**
 * The `<prop>` types that carry a unit's neighbouring source sentences in TMX, as OmegaT writes
 * them, so that in-context matches survive an export and an import (ours or another tool's).
 */
export const CONTEXT_PROPS = { previous: 'prev', next: 'next' } as const
