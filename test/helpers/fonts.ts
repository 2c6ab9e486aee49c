// The font files PNG rendering needs come from Debian (scripts/setup-system.sh). Tests that make PNGs check them
// when the fonts are there or on CI (where their absence must fail); elsewhere they say what they skip.
import { existsSync } from 'node:fs';
import { FONT_FILES } from '../../src/render/fontFiles.js';

/**
 * Whether the PNG checks of `testFile` run: true when every font file in `files` (default: Latin and CJK) is
 * installed, or on CI (CI=true). When a file is missing elsewhere, prints what is skipped and how to install it.
 */
export function runWithFonts(
  testFile: string,
  what: string,
  files: readonly string[] = [...FONT_FILES.latin, ...FONT_FILES.cjk],
): boolean {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length === 0 || process.env['CI'] === 'true') return true;
  console.warn(
    `${testFile}: skipping ${what}: ${missing.join(', ')} missing (run scripts/setup-system.sh as root: fonts-dejavu-core, fonts-noto-cjk).`,
  );
  return false;
}
