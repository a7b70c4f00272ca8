// Builds the widget with esbuild: widget/src/safeguarding.ts, bundled with Lit and minified, into the file the API
// serves (src/ContentApi.Host/Features/Widget/dist/v1/safeguarding.js, committed so the host needs no npm).
//   node widget/build.mjs [output file]      (npm run widget:build type-checks first)
// WidgetBundleTests builds into a temporary file and fails when the committed bundle differs.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = process.argv[2] ?? join(here, '..', 'src', 'ContentApi.Host', 'Features', 'Widget', 'dist', 'v1', 'safeguarding.js');

await build({
  entryPoints: [join(here, 'src', 'safeguarding.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'eof',
  tsconfig: join(here, 'tsconfig.json'),
  logLevel: 'warning',
});

// The Subresource Integrity value for the README's snippet (WidgetServingTests checks the README names it).
console.log(`${outfile}: integrity="sha384-${createHash('sha384').update(readFileSync(outfile)).digest('base64')}"`);
