import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a file shipped with the package (`models/…`, `seeds/…`). Works from src/io under
 * tsx or Deno and from dist/io after the build: both sit two folders below the package root.
 */
export function builtinPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}
