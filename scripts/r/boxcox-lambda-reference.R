#!/usr/bin/env Rscript
# R reference for boxCoxLambda (issue 14): Guerrero's lambda of every M3 yearly series to 17 significant
# digits, with BoxCox(x, "auto")'s lower bound -0.9 and BoxCox.lambda(x)'s default -1.
#
#   Rscript scripts/r/boxcox-lambda-reference.R train=../shared/benchmarks/m3-yearly/train.csv \
#       out=test/forecast/fixtures/r-boxcox-lambda.csv
#
# Needs R with the forecast package (Debian: r-base-core r-cran-forecast).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
opt <- list(train = "../shared/benchmarks/m3-yearly/train.csv", out = "r-boxcox-lambda.csv")
for (a in args) {
  kv <- regmatches(a, regexpr("=", a), invert = TRUE)[[1]]
  opt[[kv[1]]] <- kv[2]
}
d <- read.csv(opt$train, colClasses = c("character", "integer", "numeric"))
d <- d[order(d$id, d$t), ]
s <- split(d$value, factor(d$id, levels = unique(d$id)))
ids <- names(s)[order(as.integer(sub("^[^0-9]*", "", names(s))))]
rows <- vapply(ids, function(id) {
  sprintf("%s,%.17g,%.17g", id, BoxCox.lambda(s[[id]], lower = -0.9), BoxCox.lambda(s[[id]]))
}, "")
writeLines(c(
  sprintf("# R %s, forecast %s; scripts/r/boxcox-lambda-reference.R", getRversion(), packageVersion("forecast")),
  "id,lambda_auto,lambda_guerrero", rows), opt$out)
