// Markdown for the bench tables (bench helper; nothing here is shipped).

/** A Markdown table: the first `left` columns left-aligned (labels), the rest right-aligned (numbers). */
export function table(header: readonly string[], rows: readonly (readonly string[])[], left = 1): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_h, i) => (i < left ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}
