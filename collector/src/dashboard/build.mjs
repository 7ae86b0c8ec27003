// Builds the dashboard's browser files into dist/dashboard/assets/: app.js (client/ with uPlot
// bundled in, minified, no runtime imports) and app.css (uPlot's styles, then ours, then our
// charts'). Type errors in client/ fail the build.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('../../dist/dashboard/assets/');
await mkdir(out, { recursive: true });

const bundle = await rollup({
  input: here('client/main.ts'),
  plugins: [
    nodeResolve({ browser: true }),
    typescript({ tsconfig: here('client/tsconfig.json'), noEmitOnError: true, outDir: out }),
    terser({ ecma: 2020, format: { comments: false } }),
  ],
  onwarn(warning) {
    throw new Error(`dashboard build: ${warning.message}`);
  },
});
await bundle.write({ file: `${out}app.js`, format: 'iife' });
await bundle.close();

const uplotCss = createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css');
const css = (
  await Promise.all([
    readFile(uplotCss, 'utf8'),
    readFile(here('styles.css'), 'utf8'),
    readFile(here('charts.css'), 'utf8'),
  ])
).join('\n');
await writeFile(`${out}app.css`, css);
