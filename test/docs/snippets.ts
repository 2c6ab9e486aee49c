// The code blocks of README.md and docs/*.md, as test/docs/snippets.test.ts runs them.
//
// Every fenced block names its language in the info string (```ts, ```sh, ```json, ```text, …). TypeScript (`ts`)
// and shell (`sh`) blocks are snippets, run as printed:
//   - in a fresh folder of a project where the packed tarball is installed, as a user would run them;
//   - shell blocks flagged `clone` (```sh clone) in the root of this repository instead, as someone who cloned it.
// A snippet that cannot run by itself says why on the line before its fence: `<!-- not run: <reason> -->`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type SnippetLanguage = 'ts' | 'sh';

export interface Block {
  /** The markdown file, relative to the repository root. */
  readonly file: string;
  /** Line of the opening fence (1-based). */
  readonly line: number;
  /** First word of the info string ('' when there is none). */
  readonly info: string;
  /** Other words of the info string. */
  readonly flags: readonly string[];
  /** The code, without the fence's indentation. */
  readonly code: string;
  /** The reason given in a `<!-- not run: … -->` comment before the fence, if any. */
  readonly notRun?: string;
}

export interface Snippet extends Block {
  readonly language: SnippetLanguage;
  /** Where it runs: a user's project with the package installed, or this repository. */
  readonly where: 'project' | 'clone';
}

const LANGUAGE: Readonly<Record<string, SnippetLanguage>> = {
  ts: 'ts',
  typescript: 'ts',
  sh: 'sh',
  bash: 'sh',
  shell: 'sh',
};

/** Every fenced code block of a markdown file. */
export function blocks(root: string, file: string): Block[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const indent = (open[1] as string).length;
    const fence = open[2] as string;
    const [info = '', ...flags] = (open[3] as string).trim().split(/\s+/).filter(Boolean);
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j] as string)) j++;
    const code = lines
      .slice(i + 1, j)
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join('\n');
    let k = i - 1;
    while (k >= 0 && (lines[k] as string).trim() === '') k--;
    const notRun = /^\s*<!--\s*not run:\s*(.+?)\s*-->\s*$/.exec(lines[k] ?? '')?.[1];
    out.push({ file, line: i + 1, info: info.toLowerCase(), flags, code, ...(notRun ? { notRun } : {}) });
    i = j;
  }
  return out;
}

/** The block as a snippet, or null when it is not TypeScript or shell. */
export function asSnippet(b: Block): Snippet | null {
  const language = LANGUAGE[b.info];
  if (!language) return null;
  return { ...b, language, where: b.flags.includes('clone') ? 'clone' : 'project' };
}
