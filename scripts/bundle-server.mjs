// Bundles the express server and the CLI commands into dist/ with esbuild (node_modules stay
// external). Plain `node` then runs them: no TypeScript loader at run time, which on Node 20
// intermittently exited with code 13 while loading Payload's module graph.
import { build } from 'esbuild'

await build({
  entryPoints: {
    server: 'src/server.ts',
    'cli/migrations': 'src/cli/migrations.ts',
    'cli/seed': 'src/cli/seed.ts',
    'cli/search-index': 'src/cli/searchIndex.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  // `next` has no exports map, so plain Node needs the file name its bundler does without.
  alias: { 'next/cache': 'next/cache.js' },
  sourcemap: true,
  logLevel: 'warning',
})
