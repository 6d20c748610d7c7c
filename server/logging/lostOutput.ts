/**
 * Keeps a long-running process serving once whatever read its output has gone (a closed
 * pipe: `npm run start:cluster | head`, a log shipper that died). Without a listener each
 * failed write is an uncaught exception, whose handler logs it, which fails again: the
 * process spun at 45 % of a core and never reached its SIGTERM handler. With one, a write to
 * the lost stream fails quietly and the process goes on.
 */
export function keepServingWithoutOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => undefined)
  }
}
