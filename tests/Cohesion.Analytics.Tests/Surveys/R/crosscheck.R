# Computes a battery of design-based estimates with R survey on synthetic samples, for
# SurveyCrossCheckTests to compare with Cohesion.Analytics.Surveys to 1e-6 relative.
# Usage: Rscript crosscheck.R DIR...   Each DIR holds data.csv and m1.csv, m2.csv, m3.csv (level,Freq);
# writes DIR/r.csv with: scenario,what,domain,estimate,se,lo,hi
suppressPackageStartupMessages(library(survey))
options(warn = 1)

# Every estimate of one design, as rows of the output.
battery <- function(name, d) {
  rep <- inherits(d, "svyrep.design")
  out <- list()
  add <- function(what, domain, est, se, lo, hi) {
    out[[length(out) + 1]] <<- data.frame(scenario = name, what = what, domain = domain,
      estimate = as.numeric(est), se = as.numeric(se), lo = as.numeric(lo), hi = as.numeric(hi))
  }
  m <- svymean(~y, d, na.rm = TRUE)
  ci <- confint(m)
  add("mean", "all", coef(m), SE(m), ci[1], ci[2])
  if (!rep) {
    ct <- confint(m, df = degf(d))
    add("mean_t", "all", coef(m), SE(m), ct[1], ct[2])
  }
  t <- svytotal(~y, d, na.rm = TRUE)
  ci <- confint(t)
  add("total", "all", coef(t), SE(t), ci[1], ci[2])
  # svyciprop's default df is degf of the design after its svyglm drops missing rows; replicate designs use
  # the rank of the replicate weights there, so they are compared with normal intervals.
  p <- if (rep) svyciprop(~I(cat == "a"), d, method = "logit", df = Inf, na.rm = TRUE) else svyciprop(~I(cat == "a"), d, method = "logit", na.rm = TRUE)
  add("prop", "all", coef(p), SE(p), attr(p, "ci")[1], attr(p, "ci")[2])
  bm <- svyby(~y, ~dom, d, svymean, na.rm = TRUE)
  cm <- confint(bm)
  add("mean", as.character(bm$dom), coef(bm), SE(bm), cm[, 1], cm[, 2])
  bt <- svyby(~y, ~dom, d, svytotal, na.rm = TRUE)
  ct <- confint(bt)
  add("total", as.character(bt$dom), coef(bt), SE(bt), ct[, 1], ct[, 2])
  bp <- if (rep) svyby(~I(cat == "a"), ~dom, d, svyciprop, method = "logit", df = Inf, na.rm = TRUE, vartype = c("se", "ci"))
        else svyby(~I(cat == "a"), ~dom, d, svyciprop, method = "logit", na.rm = TRUE, vartype = c("se", "ci"))
  add("prop", as.character(bp$dom), bp[, 2], bp$se, bp$ci_l, bp$ci_u)
  # Difference of the means of domains d2 and d1 with their covariance: the coefficient of a saturated svyglm.
  g <- svyglm(y ~ dom, d)
  add("diff_d2_d1", "d2-d1", coef(g)["domd2"], SE(g)["domd2"], NA, NA)
  do.call(rbind, out)
}

for (dir in commandArgs(trailingOnly = TRUE)) {
  x <- read.csv(file.path(dir, "data.csv"), stringsAsFactors = FALSE)
  x$dom <- factor(x$dom)
  margin <- function(k) read.csv(file.path(dir, paste0("m", k, ".csv")), stringsAsFactors = FALSE, colClasses = c("character", "numeric"))
  pop <- list(margin(1), margin(2), margin(3))
  names(pop[[1]])[1] <- "m1"; names(pop[[2]])[1] <- "m2"; names(pop[[3]])[1] <- "m3"
  tight <- list(maxit = 1000, epsilon = 1e-13)
  sc <- svydesign(id = ~psu, strata = ~stratum, nest = TRUE, weights = ~w, data = x)
  clus_fpc <- svydesign(id = ~psu_all, weights = ~w, fpc = ~fpc_clus, data = x)
  designs <- list(
    srs = svydesign(id = ~1, weights = ~w, data = x),
    srs_fpc = svydesign(id = ~1, weights = ~w, fpc = ~fpc_rows, data = x),
    strat = svydesign(id = ~1, strata = ~stratum, weights = ~w, data = x),
    strat_fraction = svydesign(id = ~1, strata = ~stratum, weights = ~w, fpc = ~fraction_rows, data = x),
    clus = svydesign(id = ~psu_all, weights = ~w, data = x),
    clus_fpc = clus_fpc,
    stratclus = sc,
    stratclus_fpc = svydesign(id = ~psu, strata = ~stratum, nest = TRUE, weights = ~w, fpc = ~fpc_psu, data = x),
    noweights_fpc = svydesign(id = ~psu, strata = ~stratum, nest = TRUE, fpc = ~fpc_psu, data = x),
    post = postStratify(sc, ~m1, pop[[1]]),
    rake = rake(sc, list(~m1, ~m2, ~m3), pop, control = tight),
    jk1 = as.svrepdesign(clus_fpc, type = "JK1"),
    jk1_post = postStratify(as.svrepdesign(clus_fpc, type = "JK1"), ~m1, pop[[1]]),
    jk1_rake = rake(as.svrepdesign(clus_fpc, type = "JK1"), list(~m1, ~m2, ~m3), pop, control = tight)
  )
  for (lonely in c("remove", "adjust", "average", "certainty")) {
    options(survey.lonely.psu = lonely)
    d <- svydesign(id = ~psu, strata = ~stratum_lonely, nest = TRUE, weights = ~w, data = x)
    designs[[paste0("lonely_", lonely)]] <- d
  }
  results <- list()
  for (name in names(designs)) {
    if (startsWith(name, "lonely_")) options(survey.lonely.psu = sub("lonely_", "", name)) else options(survey.lonely.psu = "fail")
    results[[name]] <- withCallingHandlers(battery(name, designs[[name]]), error = function(e) message("in scenario ", name))
  }
  write.csv(do.call(rbind, results), file.path(dir, "r.csv"), row.names = FALSE)
}
