// How the production server is started, in one place (npm start, the benchmarks, the tests).
// The V8 heap is capped (SERVER_HEAP_MB, default 384): the server keeps about 100 MB alive, and
// without a cap V8 lets garbage from page rendering grow the process past 800 MB before it
// collects. `npm run serve` passes the same default on its own command line.
export const serverHeapMB = () => Number(process.env.SERVER_HEAP_MB || 384)

export const serverNodeArgs = () => [
  `--max-old-space-size=${serverHeapMB()}`,
  '--conditions=production',
  'dist/server.mjs',
]
