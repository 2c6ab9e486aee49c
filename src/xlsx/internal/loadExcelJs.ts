// exceljs, imported on first use. Kept out of the modules the package exports, so that the published
// declarations never mention exceljs's types (which need Node's): a user's tsc with "types": [] stays clean.

/** exceljs, imported once, on first use. */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  return mod.default ?? mod;
}
