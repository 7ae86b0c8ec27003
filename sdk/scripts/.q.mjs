import { writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';
const script = config.find((c) => c.output.format === 'iife');
const file = 'src/.q-entry.ts';
writeFileSync(file, process.argv[2]);
try {
  const bundle = await rollup({ input: file, plugins: script.plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'iife' });
  const code = output[0].code;
  if (process.argv[3]) writeFileSync(process.argv[3], code);
  console.log(code.length, gzipSync(code, { level: 9 }).length);
} finally { rmSync(file); }
