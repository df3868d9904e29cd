# The analyst's way to the figures of `cohesion change`, for bench/change.sh, in R data.table: stock, inflow,
# outflow and arrivals by area x month x characteristic (all, sex, ethnic group, main language), written as a
# long CSV (area_code,period,measure,characteristic,category,value). Same definitions as duckdb-change.mjs.
# Usage: Rscript datatable-change.R INPUT.csv OUTPUT.csv FIRST_MONTH LAST_MONTH THREADS   (months as 2021-01)
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) stop("usage: Rscript datatable-change.R INPUT.csv OUTPUT.csv FIRST_MONTH LAST_MONTH [THREADS]")
setDTthreads(if (length(args) >= 5) as.integer(args[5]) else 2L)
month_key <- function(s) as.integer(substr(s, 1, 4)) * 12L + as.integer(substr(s, 6, 7)) - 1L
from_key <- month_key(args[3]); to_key <- month_key(args[4])
started <- Sys.time()

g <- fread(args[1], select = c("area_code", "registered_on", "deregistered_on", "sex", "ethnic_group", "main_language", "previous_address"),
           colClasses = "character", na.strings = NULL, quote = "")
g[, `:=`(rk = month_key(registered_on), dk = fifelse(deregistered_on == "", NA_integer_, month_key(deregistered_on)),
         eth = fifelse(ethnic_group == "", "not_stated", ethnic_group), lang = fifelse(main_language == "", "not_stated", main_language),
         abroad = as.integer(previous_address == "abroad"))]
ev <- rbind(
  g[rk <= to_key, .(area_code, k = pmax(rk, from_key - 1L), sex, eth, lang, inflow = 1L, outflow = 0L, arrivals = abroad)],
  g[!is.na(dk) & dk <= to_key, .(area_code, k = pmax(dk, from_key - 1L), sex, eth, lang, inflow = 0L, outflow = 1L, arrivals = 0L)])
rm(g)
sums <- function(by, name) {
  a <- ev[, .(inflow = sum(inflow), outflow = sum(outflow), arrivals = sum(arrivals)), by = c("area_code", "k", by)]
  if (is.null(by)) a[, category := "all"] else setnames(a, by, "category")
  a[, characteristic := name]
}
agg <- rbindlist(list(sums(NULL, "all"), sums("sex", "sex"), sums("eth", "ethnic_group"), sums("lang", "main_language")), use.names = TRUE)
rm(ev)
cells <- unique(agg[, .(area_code, characteristic, category)])
grid <- cells[, .(k = (from_key - 1L):to_key), by = .(area_code, characteristic, category)]
full <- agg[grid, on = .(area_code, characteristic, category, k)]
for (col in c("inflow", "outflow", "arrivals")) set(full, which(is.na(full[[col]])), col, 0L)
setorder(full, area_code, characteristic, category, k)
full[, stock := cumsum(inflow - outflow), by = .(area_code, characteristic, category)]
full <- full[k >= from_key]
full[, period := sprintf("%04d-%02d", k %/% 12L, k %% 12L + 1L)]
long <- melt(full, id.vars = c("area_code", "period", "characteristic", "category"), measure.vars = c("stock", "inflow", "outflow", "arrivals"),
             variable.name = "measure", value.name = "value")
fwrite(long[, .(area_code, period, measure, characteristic, category, value)], args[2])
message(sprintf("data.table: %s -> %s in %.2f s (%d threads)", args[1], args[2], as.numeric(Sys.time() - started, units = "secs"), getDTthreads()))
