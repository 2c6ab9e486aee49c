// Records Deno's per-platform binary packages in package-lock.json. The npm registry reachable from this
// project's machines serves only the linux-x64 one, so `npm install` leaves the others out of the lock and
// `npm ci` then refuses the lock as out of sync. npm skips optional packages whose os/cpu do not match
// without fetching them, so entries with the right os/cpu are all `npm ci` needs.
// Run after `npm install` changes the lock: `node scripts/lock-deno-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const deno = lock.packages['node_modules/deno'];
if (!deno) throw new Error('deno is not in package-lock.json');
const platform = (name) => {
  const [, os, cpu, libc] = /^@deno\/(darwin|linux|win32)-(arm64|x64)(?:-(glibc))?$/.exec(name) ?? [];
  return os ? { os, cpu, libc } : undefined;
};
let added = 0;
for (const [name, version] of Object.entries(deno.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  const p = platform(name);
  if (lock.packages[key] || !p) continue;
  lock.packages[key] = {
    version,
    cpu: [p.cpu],
    dev: true,
    ...(p.libc ? { libc: [p.libc] } : {}),
    license: 'MIT',
    optional: true,
    os: [p.os],
  };
  added++;
}
const [rootEntry, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([rootEntry, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(
  added > 0
    ? `added ${added} Deno platform entries to package-lock.json`
    : 'package-lock.json already lists every Deno platform',
);
