import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareIndustries } from '../targets/compareIndustries.js';
import { runManifest } from '../io/runManifest.js';
import { MetricsError } from '../errors.js';
import { argumentError } from '../internal/assert.js';
import { listModels, loadModel } from '../model/loadModel.js';
import { modelOptions } from './modelOptions.js';
import { loadSeeds } from '../io/loadSeeds.js';
import { loadObservations } from '../observations/loadObservations.js';
import { CHROMIUM } from '../render/htmlToPdf.js';
import { missingFonts } from '../render/fontFiles.js';
import type { ReportSection } from '../report/reportHtml.js';
import { idNames, nameIds, nameReport } from '../report/nameIds.js';
import { writeReport } from '../report/writeReport.js';
import { industriesSection, industriesSummary } from '../report/industriesSection.js';
import { type ModelReport, modelReport } from '../model/modelReport.js';
import { modelSection, modelSummary } from '../report/modelSection.js';
import { latestYear, planKeyFigures, planOutcomes, plansSection, plansSummary } from '../report/plansSection.js';
import { reportTitle, sourcesTable } from '../report/reportFront.js';
import type { CliCommand } from './command.js';
import { Locale } from '../series/locale.js';
import { choiceOption, progressBar, wholeNumberOption, wrapBlock, writeFolderAtomically } from './output.js';

/** Plot width of the report's charts: they fill the HTML report's column. */
const REPORT_CHART_WIDTH = 760;

/** `industry-metrics report [model…]`: the main job (what `npm start` runs on the built-in models). */
export const reportCommand: CliCommand = {
  name: 'report',
  summary:
    'How the plans did, then check, project and simulate models: print a summary, and write report.html, report.xlsx, report.pdf and every chart as SVG, PNG, Vega-Lite JSON and CSV.',
  usage:
    'industry-metrics report [model id | file.model.json]... [--out DIR] [--paths N] [--seed S] [--workers W] [--locale en|zh] [--as-of YEAR] [--pdf | --no-pdf]',
  help: [
    ['--out <dir>', 'Folder for the report and the chart files (default out).'],
    ['--paths <n>', 'Monte Carlo paths per model (default 20000).'],
    ['--seed <s>', 'Monte Carlo seed (default 2026): the same seed gives the same numbers.'],
    ['--workers <w>', 'Worker threads for the Monte Carlo runs (default 1).'],
    ['--locale <l>', 'en (default), or zh: every word of the summary, report, tables and charts in Chinese.'],
    ['--as-of <year>', 'Score the targets on figures published up to this year (default: the latest one).'],
    [
      '--pdf',
      'Require report.pdf (printed by headless Chromium; fails when /usr/bin/chromium is missing). By default the PDF is written when the browser is there and skipped with a note when not. Likewise a chart whose font files are missing (fonts-dejavu-core, or fonts-noto-cjk for Chinese text) gets no PNG, with a note.',
    ],
    ['--no-pdf', 'Do not write report.pdf.'],
  ],
  examples: [
    'industry-metrics report',
    'industry-metrics report big-data-14th-fyp --out out/14th --paths 100000 --seed 7',
    'industry-metrics report --locale zh --out out/zh',
  ],
  options: {
    out: { type: 'string' },
    paths: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    locale: { type: 'string' },
    'as-of': { type: 'string' },
    pdf: { type: 'boolean' },
    'no-pdf': { type: 'boolean' },
  },
  async run(args, ctx) {
    const out = typeof args.values['out'] === 'string' ? args.values['out'] : 'out';
    const paths = wholeNumberOption(args, 'paths', 20000, 1);
    const seed = wholeNumberOption(args, 'seed', 2026, 0);
    const workers = wholeNumberOption(args, 'workers', 1, 1);
    const locale = choiceOption(args, 'locale', Object.keys(Locale) as Locale[], 'en');
    if (args.values['pdf'] === true && args.values['no-pdf'] === true)
      throw argumentError(
        'invalid_argument',
        '--pdf and --no-pdf contradict each other (got both). Give one.',
        ['--pdf'],
        'one of --pdf and --no-pdf',
        true,
      );
    const wantPdf = args.values['no-pdf'] === true ? false : args.values['pdf'] === true ? true : 'auto';
    const set = loadObservations();
    const asOf = wholeNumberOption(args, 'as-of', latestYear(set), 1);
    const builtIn = args.positionals.length === 0;
    const ids = builtIn
      ? listModels({ cwd: ctx.cwd })
          .filter((m) => m.origin === 'built-in')
          .map((m) => m.id)
      : args.positionals;
    const reports: ModelReport[] = [];
    for (const id of ids) {
      if (ctx.signal?.aborted) throw new MetricsError('aborted', 'report: interrupted; nothing was written.');
      const onProgress = progressBar(ctx, `simulating ${id}`);
      if (ctx.signal?.aborted) throw new MetricsError('aborted', 'report: interrupted; nothing was written.');
      reports.push(
        await modelReport(loadModel(id, modelOptions(ctx)), {
          paths,
          seed,
          workers,
          locale,
          observations: set,
          width: REPORT_CHART_WIDTH,
          ...(onProgress ? { onProgress } : {}),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        }),
      );
    }
    // "How the plans did" opens the summary and the report, before the scenarios.
    // The nowcasts use the run's seed and paths (at least the 100 a nowcast needs), as the manifest records.
    // Prose and tables name facts, observations and documents; ids stay in the JSON outputs (manifest).
    const names = idNames(loadSeeds(), set, locale);
    const named = (text: string): string => nameIds(text, names, locale);
    const outcomes = planOutcomes(reports, set, { asOf, seed, paths: Math.max(paths, 100) });
    ctx.stdout(`${wrapBlock(named(plansSummary(outcomes, asOf, locale)))}\n`);
    const sections: ReportSection[] = [];
    if (outcomes.length > 0) sections.push(plansSection(outcomes, { locale, asOf, width: REPORT_CHART_WIDTH, set }));
    if (builtIn) {
      // The main job also puts the industries the documents give figures for side by side.
      const seeds = loadSeeds();
      const comparison = compareIndustries(seeds);
      ctx.stdout(`${wrapBlock(named(industriesSummary(comparison, locale)))}\n`);
      sections.push(industriesSection(comparison, { locale, facts: seeds }));
    }
    for (const r of reports) {
      ctx.stdout(`${wrapBlock(named(modelSummary(r)))}\n`);
      sections.push(modelSection(r));
    }
    const models = reports.map((r) => r.model);
    const pdf = wantPdf === true || (wantPdf === 'auto' && existsSync(process.env['CHROMIUM'] ?? CHROMIUM));
    const dir = out.startsWith('/') ? out : `${ctx.cwd}/${out}`.replace(/\/+$/, '');
    // Written into a temporary folder beside the target (the report and its manifest) and moved into place
    // when complete: an interrupt or an error never leaves a half-written report folder.
    const files = await writeFolderAtomically(dir, async (tmp) => {
      const written = await writeReport(
        tmp,
        nameReport(
          {
            title: reportTitle(models, locale),
            subtitle:
              locale === 'zh'
                ? `规划目标的完成情况（截至${asOf}年的公布数据）、各情景与蒙特卡洛模拟；${models.length}个模型`
                : `How the plans did on figures published up to ${asOf}, then scenarios and Monte Carlo runs of ${models.length} model${models.length === 1 ? '' : 's'}`,
            date: new Date().toISOString().slice(0, 10),
            locale,
            keyFigures: planKeyFigures(outcomes, locale),
            sections,
          },
          names,
        ),
        { pdf, png: 'auto', sources: sourcesTable(models, outcomes, locale) },
      );
      if (ctx.signal?.aborted) throw new MetricsError('aborted', 'report: interrupted; nothing was written.');
      // manifest.json: package version, each model's content hash and values, seed, paths, workers, time.
      writeFileSync(
        join(tmp, 'manifest.json'),
        `${JSON.stringify(runManifest({ command: 'report', models, seed, paths, workers }), null, 2)}\n`,
      );
      return written;
    });
    const manifestFile = join(dir, 'manifest.json');
    const shown = (f: string) => relative(ctx.cwd, f) || f;
    const main = files.filter((f) => /report\.(html|xlsx|pdf)$/.test(f)).map(shown);
    ctx.stdout(
      `Wrote ${main.join(', ')} and ${files.length - main.length} chart files (SVG, PNG, Vega-Lite JSON, CSV) in ${shown(dir)}/\n`,
    );
    ctx.stdout(`Wrote ${shown(manifestFile)} (version, seed, paths, workers, time, each model's hash and values)\n`);
    // writeReport left out the PNG of each chart whose fonts are missing (png: 'auto')
    const noPng = files.filter((f) => f.endsWith('.svg') && !files.includes(f.replace(/\.svg$/, '.png')));
    if (noPng.length > 0) {
      const what = missingFonts()
        .map((m) => `${m.package} (${m.missing.join(', ')})`)
        .join(' and ');
      ctx.stderr(
        `${noPng.length} of ${files.filter((f) => f.endsWith('.svg')).length} chart PNGs not written: the font files of ${what} are missing (run scripts/setup-system.sh as root to install them); their SVG, Vega-Lite and CSV files are written.\n`,
      );
    }
    if (wantPdf === 'auto' && !pdf)
      ctx.stderr(
        `report.pdf not written: no browser at ${process.env['CHROMIUM'] ?? CHROMIUM} (run scripts/setup-system.sh as root to install Debian's chromium).\n`,
      );
  },
};
