// The public API of industry-metrics: every export, grouped by folder of src/ (one line per source file).
// The package's one entry: the build bundles it into dist/index.js. Importing it loads none of mathjs, vega,
// vega-lite, resvg or ajv (the functions that use them load them; src/internal/dependencies.ts), and nothing in
// its graph may have a top-level await, so that require() of the package works (docs/using-the-package.md).

// errors
export { MetricsError, ErrorCode, isMetricsError } from './errors.js';
export type { ErrorIssue } from './errors.js';

// series
export { series, valueAt, toTidy } from './series/series.js';
export type { Series, SeriesInput, YearValue, TidyRow } from './series/series.js';
export type { Provenance, Translation } from './series/provenance.js';
export { Locale } from './series/locale.js';
export {
  Scale,
  Currency,
  parseUnit,
  unitToString,
  sameUnit,
  isScaleConvertible,
  convertScale,
  convertCurrency,
  formatQuantity,
  formatPercent,
  parseQuantity,
} from './series/units.js';
export type {
  Unit,
  Quantity,
  ExchangeRate,
  ConvertedQuantity,
  FormatOptions,
  FormatPercentOptions,
} from './series/units.js';
export { interpolate, InterpolationMethod } from './series/interpolate.js';

// growth
export { cagr } from './growth/cagr.js';
export { compound } from './growth/compound.js';
export { backcast } from './growth/backcast.js';
export { requiredCagr } from './growth/requiredCagr.js';
export { doublingTime } from './growth/doublingTime.js';
export { yoyGrowth } from './growth/yoyGrowth.js';
export { logGrowth } from './growth/logGrowth.js';
export { averageGrowth } from './growth/averageGrowth.js';
export type { AverageGrowthOptions } from './growth/averageGrowth.js';

// targets
export { Comparator, FactKind } from './targets/fact.js';
export type { Fact, Target, Tolerance } from './targets/fact.js';
export { meets, margin, statedPrecision, defaultAboutTolerance } from './targets/meets.js';
export type { TargetTerms } from './targets/meets.js';
export { checkConsistency, factInterval, CheckStatus } from './targets/checkConsistency.js';
export type { ConsistencyCheck, ConsistencyReport, ImpliedNumber } from './targets/checkConsistency.js';
export { describeFact } from './targets/describeFact.js';
export { parseWording } from './targets/parseWording.js';
export type { Wording } from './targets/parseWording.js';

// model
export { ShockDistribution } from './spec/types.js';
export type {
  ModelDefinition,
  ResolvedValue,
  PathSpec,
  ShockSpec,
  BoundsSpec,
  ScenarioSpec,
  UncertaintySpec,
  ResolvedBaseUncertainty,
  SectorSpec,
} from './spec/types.js';
export { checkModel } from './model/checkModel.js';
export { modelAsOf } from './model/modelAsOf.js';
export type { ModelAsOfOptions } from './model/modelAsOf.js';
export type { ModelCheck, ModelAssumption, ModelDerivation } from './model/checkModel.js';
export { simulateModel } from './model/simulateModel.js';
export { probabilityBasis, probabilityRestsOn } from './model/probabilityBasis.js';
export type { SimulateModelOptions } from './model/simulateModel.js';
export { modelReport, targetMarker, PLAN_PERIODS } from './model/modelReport.js';
export { modelSection, modelSummary } from './report/modelSection.js';
export { industriesSection, industriesSummary } from './report/industriesSection.js';
export type { IndustriesSectionOptions } from './report/industriesSection.js';
export type { ModelReport, ModelReportOptions, NamedChart } from './model/modelReport.js';
export { planOutcomes, plansSection, planKeyFigures, plansSummary } from './report/plansSection.js';
export type { PlanOutcome, PlanOutcomesOptions } from './report/plansSection.js';
export { reportTitle } from './report/reportFront.js';

// trajectory
export { growthPath } from './trajectory/growthPath.js';
export { cagrPath } from './trajectory/cagrPath.js';
export type { CagrPathOptions } from './trajectory/cagrPath.js';
export { phasesPath } from './trajectory/phasesPath.js';
export type { Phase, PhasesPathOptions } from './trajectory/phasesPath.js';
export { ratesPath } from './trajectory/ratesPath.js';
export type { RatesPathOptions } from './trajectory/ratesPath.js';
export { linearPath } from './trajectory/linearPath.js';
export type { LinearPathOptions } from './trajectory/linearPath.js';
export { logisticPath } from './trajectory/logisticPath.js';
export type { LogisticPathOptions } from './trajectory/logisticPath.js';
export { anchorsPath } from './trajectory/anchorsPath.js';
export type { AnchorsPathOptions } from './trajectory/anchorsPath.js';
export { expressionPath } from './trajectory/expressionPath.js';
export type { ExpressionPathOptions } from './trajectory/expressionPath.js';
export { pathToTarget } from './trajectory/pathToTarget.js';
export type { PathToTargetOptions } from './trajectory/pathToTarget.js';
export { applyShocks } from './trajectory/applyShocks.js';
export type { Shock } from './trajectory/applyShocks.js';
export { applyBounds } from './trajectory/applyBounds.js';
export type { Bounds } from './trajectory/applyBounds.js';
export type { LevelPath, PathSpan } from './trajectory/types.js';
export { compileExpression } from './expression/compileExpression.js';
export type { CompileExpressionOptions, CompiledExpression } from './expression/compileExpression.js';

// scenario
export { project } from './scenario/project.js';
export type { ProjectOptions } from './scenario/project.js';
export { projectAll } from './scenario/projectAll.js';
export { compareScenarios } from './scenario/compareScenarios.js';
export type { CompareScenariosOptions } from './scenario/compareScenarios.js';
export { gapToTarget } from './scenario/gapToTarget.js';
export type { GapToTargetOptions, ProjectedLevels } from './scenario/gapToTarget.js';
export type { ScenarioProjection, TargetCheck } from './scenario/types.js';
export { tornado, TornadoOutput } from './sensitivity/tornado.js';
export type { TornadoOptions, TornadoFunction, TornadoBar, Tornado } from './sensitivity/tornado.js';
export { modelParameters } from './model/modelParameters.js';
export type { ModelParameter } from './model/modelParameters.js';
export { binnedMeanChange } from './sensitivity/binnedMeanChange.js';
export type {
  BinnedMeanChangeOptions,
  BinnedMeanChange,
  InputMeanChange,
  MeanChangeBin,
} from './sensitivity/binnedMeanChange.js';

// simulate
export { rng } from './random/rng.js';
export type { Rng } from './random/rng.js';
export { simulate } from './simulate/simulate.js';
export type { SimulateOptions } from './simulate/simulate.js';
export { simulateSectors } from './simulate/simulateSectors.js';
export type { SimulateSectorsOptions, SectorModel } from './simulate/simulateSectors.js';
export { simulationToTidy } from './simulate/simulationToTidy.js';
export type { SimulationTidyRow } from './simulate/simulationToTidy.js';
export { quantiles } from './simulate/quantiles.js';
export type {
  Simulation,
  SimulationRunOptions,
  SimulatedSeries,
  SimulationSettings,
  SimulationTarget,
  TargetAttainment,
  CagrProbability,
  CrossingDistribution,
  LevelShock,
  LevelBounds,
  BaseDraw,
  RareShock,
} from './simulate/types.js';

// forecast
export type {
  ForecastMethod,
  ForecastFit,
  Forecast,
  ForecastInterval,
  ForecastOptions,
  SimulateFitOptions,
} from './forecast/types.js';
export { naive } from './forecast/naive.js';
export { drift } from './forecast/drift.js';
export { mean } from './forecast/mean.js';
export { ses } from './forecast/ses.js';
export { holt } from './forecast/holt.js';
export { damped } from './forecast/damped.js';
export { ets } from './forecast/ets.js';
export { etsModel } from './forecast/etsModel.js';
export type { EtsModelOptions, EtsFit, EtsError, EtsTrend } from './forecast/etsModel.js';
export { theta } from './forecast/theta.js';
export { dotm } from './forecast/dotm.js';
export { logTrend } from './forecast/logTrend.js';
export { combination, CombinationAverage } from './forecast/combination.js';
export type { CombinationFit, CombinationOptions } from './forecast/combination.js';
export { comb } from './forecast/comb.js';
export { arima } from './forecast/arima.js';
export type { ArimaFit, ArimaModel } from './forecast/arima.js';
export { forecastMethods } from './forecast/methods.js';
export { forecast, defaultMethod, FillMethod, COMPOUNDING_NOTE } from './forecast/defaultForecast.js';
export type { DefaultForecastOptions } from './forecast/defaultForecast.js';
export { boxCox, invBoxCox } from './forecast/boxCox.js';
export { boxCoxLambda } from './forecast/boxCoxLambda.js';
export type { BoxCoxLambdaOptions } from './forecast/boxCoxLambda.js';
export { withBoxCox } from './forecast/withBoxCox.js';
export type { BoxCoxOptions, BoxCoxFit } from './forecast/withBoxCox.js';
export { forecastQuantiles } from './forecast/forecastQuantiles.js';
export type { ForecastQuantiles } from './forecast/forecastQuantiles.js';
export { samplePaths } from './forecast/samplePaths.js';
export type { SamplePaths, SamplePathsOptions } from './forecast/samplePaths.js';
export { pinball } from './forecast/accuracy/pinball.js';
export { crps, crpsProbs } from './forecast/accuracy/crps.js';
export type { NormalForecast, QuantileForecast } from './forecast/accuracy/crps.js';
export { me } from './forecast/accuracy/me.js';
export { mae } from './forecast/accuracy/mae.js';
export { rmse } from './forecast/accuracy/rmse.js';
export { mape } from './forecast/accuracy/mape.js';
export { smape } from './forecast/accuracy/smape.js';
export { mase } from './forecast/accuracy/mase.js';
export type { MaseOptions } from './forecast/accuracy/mase.js';
export { owa } from './forecast/accuracy/owa.js';
export type { OwaInput } from './forecast/accuracy/owa.js';
export { coverage } from './forecast/accuracy/coverage.js';
export { winkler } from './forecast/accuracy/winkler.js';
export type { WinklerOptions } from './forecast/accuracy/winkler.js';
export { msis } from './forecast/accuracy/msis.js';
export type { MsisOptions } from './forecast/accuracy/msis.js';
export { accuracy } from './forecast/accuracy.js';
export type { Accuracy, AccuracyOptions, IntervalAccuracy } from './forecast/accuracy.js';
export { backtest } from './forecast/backtest.js';
export type { Backtest, BacktestOptions, BacktestOrigin, BacktestSummary, BacktestRow } from './forecast/backtest.js';
export { calibrate, CalibrationErrors, calibrationOrigins } from './forecast/calibrate.js';
export type { CalibrateOptions, Calibration, CalibratedFit } from './forecast/calibrate.js';
export { forecastMany } from './forecast/batch.js';
export type {
  ForecastMany,
  ForecastManyOptions,
  ForecastManyRow,
  ForecastManyError,
  BatchRow,
} from './forecast/batch.js';

// decompose
export { DecompositionMeasure, RESIDUAL_SECTOR, TOTAL_SECTOR } from './decompose/types.js';
export type { Panel, DecompositionRow } from './decompose/types.js';
export { panel } from './decompose/panel.js';
export type { PanelInput } from './decompose/panel.js';
export { panelFromRows } from './decompose/panelFromRows.js';
export type { LongRow, PanelFromRowsOptions } from './decompose/panelFromRows.js';
export { shares } from './decompose/shares.js';
export type { Shares } from './decompose/shares.js';
export { contributions } from './decompose/contributions.js';
export type { Contributions } from './decompose/contributions.js';
export { spanContributions, SpanMethod } from './decompose/spanContributions.js';
export type { SpanContributionsOptions, SpanContributions } from './decompose/spanContributions.js';
export { totalCagrFromSectors } from './decompose/totalCagrFromSectors.js';
export type { SectorGrowth } from './decompose/totalCagrFromSectors.js';
export { requiredSectorCagr } from './decompose/requiredSectorCagr.js';
export type { RequiredSectorCagrOptions } from './decompose/requiredSectorCagr.js';
export { shiftShare } from './decompose/shiftShare.js';
export { ShiftShareEffect } from './decompose/types.js';
export type { ShiftShareInput } from './decompose/shiftShare.js';
export type { ShiftShare, ShiftShareRow } from './decompose/types.js';
export { dynamicShiftShare } from './decompose/dynamicShiftShare.js';
export type { DynamicShiftShareInput } from './decompose/dynamicShiftShare.js';
export { reconcile, ReconcileMethod } from './decompose/reconcile.js';
export type { ReconcileOptions, Reconciliation } from './decompose/reconcile.js';
export { historicalProportions, ProportionsMethod } from './decompose/historicalProportions.js';
export type { HistoricalProportionsOptions } from './decompose/historicalProportions.js';
export { incoherence } from './decompose/incoherence.js';
export type { IncoherenceRow, IncoherenceReport, IncoherenceOptions } from './decompose/incoherence.js';
export { contributionQuantiles } from './decompose/contributionQuantiles.js';
export type {
  Draws,
  ContributionQuantilesInput,
  ContributionQuantiles,
  QuantileRow,
} from './decompose/contributionQuantiles.js';
export { decomposeModel } from './model/decomposeModel.js';
export type { ModelDecomposition } from './model/decomposeModel.js';
export { compareIndustries } from './targets/compareIndustries.js';
export type { CompareIndustriesOptions, IndustryLevel, IndustryComparison } from './targets/compareIndustries.js';

// charts
export type {
  ValueRow,
  BandRow,
  MarkerSource,
  TargetMarker,
  PlanPeriod,
  Attainment,
  SectorRow,
  ContributionRow,
  SectorChange,
  SensitivityRow,
  AccuracyRow,
  ActualPoint,
  ChartOptions,
} from './charts/inputs.js';
export { PALETTE, DASHES } from './charts/theme.js';
export { trajectoryChart } from './charts/trajectoryChart.js';
export type { TrajectoryChartInput } from './charts/trajectoryChart.js';
export { fanChart } from './charts/fanChart.js';
export type { FanChartInput } from './charts/fanChart.js';
export { scenarioComparisonChart } from './charts/scenarioComparisonChart.js';
export type { ScenarioComparisonChartInput, ScenarioComparisonChartOptions } from './charts/scenarioComparisonChart.js';
export { stackedAreaChart } from './charts/stackedAreaChart.js';
export type { StackedAreaChartInput, StackedAreaChartOptions } from './charts/stackedAreaChart.js';
export { contributionChart } from './charts/contributionChart.js';
export type { ContributionChartInput } from './charts/contributionChart.js';
export { waterfallChart } from './charts/waterfallChart.js';
export type { WaterfallChartInput } from './charts/waterfallChart.js';
export { tornadoChart } from './charts/tornadoChart.js';
export type { TornadoChartInput } from './charts/tornadoChart.js';
export { distributionChart } from './charts/distributionChart.js';
export type { DistributionChartInput, DistributionChartOptions } from './charts/distributionChart.js';
export { forecastChart } from './charts/forecastChart.js';
export type { ForecastChartInput } from './charts/forecastChart.js';
export { accuracyChart } from './charts/accuracyChart.js';
export { scorecardChart, ScorecardStatus } from './charts/scorecardChart.js';
export type { ScorecardChartInput, ScorecardChartRow, ScorecardChartOptions } from './charts/scorecardChart.js';
export { formatQuantities } from './charts/formatQuantities.js';
export type { FormatQuantitiesOptions } from './charts/formatQuantities.js';
export type { AccuracyChartInput, AccuracyChartOptions } from './charts/accuracyChart.js';
export { validateSpec } from './render/validateSpec.js';
export { toSvg } from './render/toSvg.js';
export type { ToSvgOptions } from './render/toSvg.js';
export { toPng } from './render/toPng.js';
export type { ToPngOptions } from './render/toPng.js';
export { svgToPng } from './render/svgToPng.js';
export { reportHtml } from './report/reportHtml.js';
export type { Report, ReportSection, ReportChart, KeyFigure } from './report/reportHtml.js';
export type { ReportTable, ReportColumn } from './render/table.js';
export { htmlToPdf, CHROMIUM } from './render/htmlToPdf.js';
export type { HtmlToPdfOptions } from './render/htmlToPdf.js';
export { toXlsx } from './xlsx/toXlsx.js';
export type { WorkbookSheet } from './xlsx/toXlsx.js';
export { readXlsx } from './xlsx/readXlsx.js';
export type { ReadXlsxOptions, XlsxSheet } from './xlsx/readXlsx.js';
export { writeReport } from './report/writeReport.js';
export type { WriteReportOptions } from './report/writeReport.js';
export { toMimeBundle } from './render/toMimeBundle.js';
export { toDisplayable, markdown } from './render/toDisplayable.js';
export type { Displayable } from './render/toDisplayable.js';
export type { MimeBundle } from './render/toMimeBundle.js';

// io
export { parseModel } from './model/parseModel.js';
export { loadModel, listModels } from './model/loadModel.js';
export type { LoadModelOptions, ModelEntry } from './model/loadModel.js';
export { parseFacts } from './io/parseFacts.js';
export { loadSeeds, factById } from './io/loadSeeds.js';
export type { LoadSeedsOptions } from './io/loadSeeds.js';
export { parseObservations } from './observations/parseObservations.js';
export { loadObservations } from './observations/loadObservations.js';
export { bridgeValue } from './observations/bridgeValue.js';
export type {
  MetricDefinition,
  Observation,
  ObservationSet,
  ObservationSource,
  DefinitionBridge,
} from './observations/types.js';
export { scoreTarget } from './scorecard/scoreTarget.js';
export { planScorecard } from './scorecard/planScorecard.js';
export type { PlanScorecardOptions, ScorecardRow, RestedProbability } from './scorecard/planScorecard.js';
export type { ScoreTargetOptions, TargetScore } from './scorecard/scoreTarget.js';
export { nowcast } from './scorecard/nowcast.js';
export type { Nowcast, NowcastOptions } from './scorecard/nowcast.js';
export { parseSeriesCsv, readSeriesCsv, CsvLayout, parsePanelCsv } from './io/csv.js';
export type { SeriesRow, ParseSeriesCsvOptions, ParsePanelCsvOptions } from './io/csv.js';
