#!/usr/bin/env node
// Writes the project-local Jupyter kernelspec for the notebooks in notebooks/:
//   .jupyter/kernels/industry-metrics-deno/kernel.json
// It runs this checkout's Deno (node_modules/deno/deno, an npm devDependency) as a Jupyter kernel.
// The kernelspec holds this checkout's absolute path, so it is generated here rather than committed.
// Then:  JUPYTER_PATH=$PWD/.jupyter jupyter notebook notebooks/
// Usage: node scripts/notebook-kernel.mjs [--quiet] [--jupyter-dir DIR]
//   --jupyter-dir  write the kernelspec under DIR/kernels/ instead of this checkout's .jupyter/ (the notebook
//                  test uses it for a folder where the packed package is installed, as a user's would be)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const KERNEL_NAME = 'industry-metrics-deno';
const DISPLAY_NAME = 'industry-metrics (Deno)';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const deno = join(repo, 'node_modules', 'deno', 'deno');
const quiet = process.argv.includes('--quiet');
const dirFlag = process.argv.indexOf('--jupyter-dir');
const jupyterDir = dirFlag === -1 ? join(repo, '.jupyter') : resolve(process.argv[dirFlag + 1] ?? '');
if (dirFlag !== -1 && !process.argv[dirFlag + 1]) {
  console.error('notebook-kernel: --jupyter-dir needs a folder');
  process.exit(2);
}

if (!existsSync(deno)) {
  console.error(
    `notebook-kernel: no Deno binary at ${deno}. Run 'npm ci' first (deno is a devDependency; do not omit optional dependencies).`,
  );
  process.exit(1);
}

const spec = {
  argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'],
  display_name: DISPLAY_NAME,
  language: 'typescript',
  // Deno's colour codes would end up in notebook outputs as escape sequences.
  env: { NO_COLOR: '1' },
};

const dir = join(jupyterDir, 'kernels', KERNEL_NAME);
const file = join(dir, 'kernel.json');
const text = `${JSON.stringify(spec, null, 2)}\n`;
mkdirSync(dir, { recursive: true });
const unchanged = existsSync(file) && readFileSync(file, 'utf8') === text;
if (!unchanged) writeFileSync(file, text);
if (!quiet) {
  console.log(`notebook-kernel: ${unchanged ? 'up to date' : 'wrote'} ${file}`);
  console.log(`  kernel "${KERNEL_NAME}" (${DISPLAY_NAME}) runs ${deno}`);
  console.log(`  open the notebooks with: JUPYTER_PATH=${jupyterDir} jupyter notebook ${join(repo, 'notebooks')}`);
}
