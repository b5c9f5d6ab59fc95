// Bundles the browser pages (web/) into dist/web with esbuild: the explorer (Cytoscape.js) and
// GraphiQL (React), scripts and styles from the project's own dependencies, so the pages need
// no CDN and work offline. Run by `npm run build`; tests call buildWeb() before they start.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildWeb({ outDir = path.join(root, 'dist', 'web') } = {}) {
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { explore: 'web/explore/main.ts', graphiql: 'web/graphiql/main.tsx', add: 'web/add/main.ts' },
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    sourcemap: true,
    target: ['chrome110', 'firefox110', 'safari16'],
    outdir: outDir,
    jsx: 'automatic',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  for (const page of ['explore/explore.html', 'graphiql/graphiql.html', 'add/add.html']) {
    copyFileSync(path.join(root, 'web', page), path.join(outDir, path.basename(page)));
  }
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = await buildWeb();
  console.log(`browser pages built in ${path.relative(root, outDir)}`);
}
