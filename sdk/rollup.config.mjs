// An ES module for bundlers (npm), and the minified script-tag bundles that the collector
// serves: /s.js (full), /s.core.js (core), and /s.vitals.js and /s.humanness.js, the chunks
// /s.js imports at idle. Internals prefixed with `_` are mangled in the script bundles.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const ts = () =>
  typescript({ tsconfig: './tsconfig.json', declaration: false, declarationMap: false, outDir: 'dist' });

const scriptTerser = () =>
  terser({
    ecma: 2020,
    toplevel: true,
    compress: {
      passes: 3,
      hoist_funs: true,
      // Safe here: no property read is kept for a getter's side effect, and no function
      // expression or method is called with `new`. Not `unsafe_comps`: it turns
      // `!(height > 0)` into `0 >= height`, which NaN no longer passes (capture/scroll.ts).
      pure_getters: true,
      unsafe_arrows: true,
      unsafe_methods: true,
    },
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false },
  });

export default [
  {
    input: 'src/index.ts',
    // Third-party dependencies stay imports: the site's bundler resolves them from
    // `dependencies`, once, even when the site uses web-vitals itself.
    external: ['idb-keyval', 'web-vitals'],
    output: { file: 'dist/index.mjs', format: 'es' },
    plugins: [nodeResolve(), ts()],
  },
  ...[
    ['src/script.ts', 'dist/s.js'],
    ['src/scriptCore.ts', 'dist/s.core.js'],
  ].map(([input, file]) => ({
    input,
    output: { file, format: 'iife' },
    plugins: [nodeResolve(), ts(), scriptTerser()],
  })),
  // Loaded by /s.js when the page is idle (lib/deferCapture.ts).
  ...[
    ['src/scriptVitals.ts', 'dist/s.vitals.js'],
    ['src/scriptHumanness.ts', 'dist/s.humanness.js'],
  ].map(([input, file]) => ({
    input,
    output: { file, format: 'es' },
    plugins: [nodeResolve(), ts(), scriptTerser()],
  })),
];
