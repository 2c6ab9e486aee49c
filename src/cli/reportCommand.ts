import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runManifest } from '../io/runManifest.js';
import type { ModelDefinition } from '../model/types.js';
import { MetricsError } from '../errors.js';
import { listModels, loadModel } from '../io/loadModel.js';
import { writeReport } from '../render/writeReport.js';
import { compareIndustries } from '../decompose/compareIndustries.js';
import { loadSeeds } from '../io/loadSeeds.js';
import { industriesSection, industriesSummary } from '../report/industriesSection.js';
import { modelReport, modelSection, modelSummary } from '../report/modelReport.js';
import type { CliCommand } from './command.js';
import { progressBar } from './output.js';

function intOption(value: unknown, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new MetricsError(
      'invalid_argument',
      `--${name} must be a whole number >= ${min} (got ${JSON.stringify(value)}).`,
    );
  return n;
}

/** `industry-metrics report [model…]`: the main job (what `npm start` runs on the built-in models). */
export const reportCommand: CliCommand = {
  name: 'report',
  summary:
    'Check, project and simulate models, print a summary, and write report.html with every chart as SVG, PNG and Vega-Lite JSON.',
  usage:
    'industry-metrics report [model id | file.model.json]... [--out DIR] [--paths N] [--seed S] [--workers W] [--locale en|zh]',
  help: [
    ['--out <dir>', 'Folder for report.html and the chart files (default out).'],
    ['--paths <n>', 'Monte Carlo paths per model (default 20000).'],
    ['--seed <s>', 'Monte Carlo seed (default 2026): the same seed gives the same numbers.'],
    ['--workers <w>', 'Worker threads for the Monte Carlo runs (default 1).'],
    ['--locale <l>', 'en (default): RMB 3.05 trillion; zh: 3.05万亿元 on charts.'],
  ],
  examples: [
    'industry-metrics report',
    'industry-metrics report big-data-14th-fyp --out out/14th --paths 100000 --seed 7',
  ],
  options: {
    out: { type: 'string' },
    paths: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    locale: { type: 'string' },
  },
  async run(args, ctx) {
    const out = typeof args.values['out'] === 'string' ? args.values['out'] : 'out';
    const paths = intOption(args.values['paths'], 'paths', 20000, 1);
    const seed = intOption(args.values['seed'], 'seed', 2026, 0);
    const workers = intOption(args.values['workers'], 'workers', 1, 1);
    const locale = args.values['locale'] ?? 'en';
    if (locale !== 'en' && locale !== 'zh')
      throw new MetricsError('invalid_argument', `--locale must be en or zh (got ${JSON.stringify(locale)}).`);
    const builtIn = args.positionals.length === 0;
    const ids = builtIn
      ? listModels({ cwd: ctx.cwd })
          .filter((m) => m.origin === 'built-in')
          .map((m) => m.id)
      : args.positionals;
    const sections = [];
    const models: ModelDefinition[] = [];
    if (builtIn) {
      // The main job also puts the industries the documents give figures for side by side.
      const comparison = compareIndustries(loadSeeds());
      ctx.stdout(industriesSummary(comparison) + '\n');
      sections.push(industriesSection(comparison));
    }
    for (const id of ids) {
      const onProgress = progressBar(ctx, `simulating ${id}`);
      const model = loadModel(id, { cwd: ctx.cwd });
      models.push(model);
      const r = await modelReport(model, {
        paths,
        seed,
        workers,
        locale,
        ...(onProgress ? { onProgress } : {}),
      });
      ctx.stdout(modelSummary(r) + '\n');
      sections.push(modelSection(r));
    }
    const dir = `${ctx.cwd}/${out}`.replace(/\/+$/, '');
    const files = await writeReport(out.startsWith('/') ? out : dir, { title: 'industry-metrics report', sections });
    // manifest.json: package version, each model's content hash and values, seed, paths, workers, time.
    const manifestFile = join(out.startsWith('/') ? out : dir, 'manifest.json');
    writeFileSync(
      manifestFile,
      `${JSON.stringify(runManifest({ command: 'report', models, seed, paths, workers }), null, 2)}\n`,
    );
    const html = files.find((f) => f.endsWith('report.html')) ?? files[0];
    const shown = (f: string) => relative(ctx.cwd, f) || f;
    ctx.stdout(
      `Wrote ${shown(html ?? out)} and ${files.length - 1} chart files (SVG, PNG, Vega-Lite JSON) in ${shown(out.startsWith('/') ? out : dir)}/\n`,
    );
    ctx.stdout(`Wrote ${shown(manifestFile)} (version, seed, paths, workers, time, each model's hash and values)\n`);
  },
};
