// Rules about src/ as text: randomness comes only from the seeded generator (src/random/), never from
// Math.random or crypto's random functions, so every result can be reproduced from its seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Lines of `text` that call an unseeded source of randomness (comments excluded). */
function unseededCalls(text: string): number[] {
  return text
    .split('\n')
    .map((line, i) => [line.replace(/\/\/.*$|^\s*\*.*$/, ''), i + 1] as const)
    .filter(([code]) => /\bMath\.random\s*\(|\brandom(UUID|Bytes|Int|Fill)\s*\(|getRandomValues\s*\(/.test(code))
    .map(([, n]) => n);
}

describe('randomness in src/ is seeded', () => {
  it('the check finds Math.random, randomUUID and getRandomValues calls, and not mentions in comments', () => {
    expect(unseededCalls('const a = 1;\nconst b = Math.random();\n// Math.random() in a comment\n')).toEqual([2]);
    expect(unseededCalls('x = crypto.randomUUID();\ny = crypto.getRandomValues(buf);')).toEqual([1, 2]);
    expect(unseededCalls(' * never Math.random()\nrng(1).next();')).toEqual([]);
  });
  it('no file of src/ calls an unseeded random source', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(200);
    const found = files.flatMap((f) =>
      unseededCalls(readFileSync(f, 'utf8')).map((n) => `${f.slice(SRC.length)}:${n}`),
    );
    expect(found).toEqual([]);
  });
});
