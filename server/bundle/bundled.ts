// Where the server's own modules are when it runs built (server/dist, written by `npm run
// build`) rather than as TypeScript through tsx (tests, `npm run dev`). Every module of the
// build shares the one folder, so a sibling's URL is the same from any of them.

/** True in the build: esbuild gives every module the URL of its output file, a `.mjs`. */
export const isBundled = !import.meta.url.endsWith('.ts')

/** The URL of one of the build's entry modules (`main`, `serverJobs`...), beside this one. */
export function bundledModule(name: string): URL {
  return new URL(`./${name}.mjs`, import.meta.url)
}
