// js-yaml 4 ships no types; the tests use its one parsing function.
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown
}
