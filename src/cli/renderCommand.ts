import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { argumentError } from '../internal/assert.js';
import { validateSpec } from '../render/validateSpec.js';
import { toSvg } from '../render/toSvg.js';
import { toPng } from '../render/toPng.js';
import { reportHtml } from '../report/reportHtml.js';
import type { CliCommand } from './command.js';
import { choiceOption, writeOut } from './output.js';

const FORMATS = ['svg', 'png', 'html', 'pdf'] as const;

/** `industry-metrics render <spec.json> --format svg|png|html --out FILE`: one vega-lite spec to a file. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Render a vega-lite spec (.vl.json) to SVG, PNG, PDF or a self-contained HTML page.',
  usage: 'industry-metrics render <spec.json> [--format svg|png|html|pdf] --out FILE [--scale N]',
  help: [
    [
      '--format F',
      'svg, png, html or pdf (default: from the --out extension, else svg). PDF is printed by headless Chromium (/usr/bin/chromium, from scripts/setup-system.sh).',
    ],
    ['--out FILE', 'Where to write the result (folders are created).'],
    ['--scale N', 'PNG pixels per SVG unit (default 2).'],
  ],
  examples: [
    'industry-metrics render report/big-data-14th-fyp-fan.vl.json --format png --out fan.png',
    'industry-metrics render report/big-data-14th-fyp-trajectories.vl.json --out chart.html',
    'industry-metrics render report/big-data-14th-fyp-fan.vl.json --out fan.pdf',
  ],
  options: { format: { type: 'string' }, out: { type: 'string' }, scale: { type: 'string' } },
  async run(args, ctx) {
    const [file, ...extra] = args.positionals;
    if (file === undefined || extra.length > 0) {
      throw argumentError(
        'invalid_argument',
        `render: give exactly one spec file (got ${args.positionals.length}). Usage: ${this.usage}`,
        ['positionals'],
        'exactly one spec file',
        args.positionals,
      );
    }
    const out = args.values['out'];
    if (typeof out !== 'string' || out === '') {
      throw argumentError(
        'invalid_argument',
        'render: --out FILE is required (got none). Say where to write the chart.',
        ['--out'],
        'a file to write the chart to',
        undefined,
      );
    }
    const fromExt = /\.(svg|png|html|pdf)$/i.exec(out)?.[1]?.toLowerCase();
    const format = choiceOption(args, 'format', FORMATS, (fromExt ?? 'svg') as (typeof FORMATS)[number]);
    const scaleText = args.values['scale'];
    const scale = scaleText === undefined ? 2 : Number(scaleText);
    let text: string;
    const path = resolve(ctx.cwd, file);
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw argumentError(
        'not_found',
        `render: cannot read ${file} (got ${(e as NodeJS.ErrnoException).code ?? 'an error'}). Check the path.`,
        ['positionals', 0],
        'a file that can be read',
        file,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw argumentError(
        'invalid_data',
        `render: ${file} is not JSON (got ${(e as Error).message}).`,
        ['positionals', 0],
        'a JSON file',
        (e as Error).message,
      );
    }
    const spec = validateSpec(json);
    let content: string | Uint8Array;
    if (format === 'svg') content = await toSvg(spec, { validate: false });
    else if (format === 'png') content = await toPng(spec, { scale, validate: false });
    else {
      const t = spec.title;
      const title =
        typeof t === 'string'
          ? t
          : typeof t === 'object' && t !== null && !Array.isArray(t) && typeof t.text === 'string'
            ? t.text
            : file;
      content = reportHtml({ title, sections: [{ heading: title, charts: [{ title: file, spec }] }] });
      if (format === 'pdf') {
        const { htmlToPdf } = await import('../render/htmlToPdf.js');
        content = await htmlToPdf(content);
      }
    }
    const written = writeOut(ctx, out, content);
    ctx.stderr(`wrote ${written}\n`);
    return 0;
  },
};
