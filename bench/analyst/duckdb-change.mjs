// The analyst's way to the figures of `cohesion change`, for bench/change.sh: DuckDB reads the GP extract
// and computes stock, inflow, outflow and arrivals by area x month x characteristic (all, sex, ethnic group,
// main language), written as a long CSV (area_code,period,measure,characteristic,category,value).
// Same definitions as Cohesion.Analytics RegistrationAccumulator: events before the first month count
// towards the stock only; stock at the end of a month = registrations so far - deregistrations so far.
// Usage: node duckdb-change.mjs INPUT.csv OUTPUT.csv FIRST_MONTH LAST_MONTH THREADS   (months as 2021-01)
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output, first, last, threads = '2'] = process.argv.slice(2);
if (!input || !output || !first || !last) {
  console.error('usage: node duckdb-change.mjs INPUT.csv OUTPUT.csv FIRST_MONTH LAST_MONTH [THREADS]');
  process.exit(2);
}
const key = (ym) => { const [y, m] = ym.split('-').map(Number); return y * 12 + m - 1; };
const [fromKey, toKey] = [key(first), key(last)];
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const db = await instance.connect();
const started = performance.now();
let lastStage = started;
const stage = (name) => { const now = performance.now(); if (process.env.DUCKDB_STAGES) console.error(`  ${name}: ${((now - lastStage) / 1000).toFixed(2)} s`); lastStage = now; };
await db.run(`
  CREATE TEMP TABLE g AS
  SELECT area_code,
         year(registered_on) * 12 + month(registered_on) - 1 AS rk,
         year(deregistered_on) * 12 + month(deregistered_on) - 1 AS dk,
         sex,
         coalesce(nullif(ethnic_group, ''), 'not_stated') AS eth,
         coalesce(nullif(main_language, ''), 'not_stated') AS lang,
         (previous_address = 'abroad')::INTEGER AS abroad
  FROM read_csv(${quote(input)}, header = true, delim = ',', quote = '', escape = '',
    columns = {'patient_id': 'VARCHAR', 'area_code': 'VARCHAR', 'registered_on': 'DATE', 'deregistered_on': 'DATE',
               'birth_year': 'INTEGER', 'sex': 'VARCHAR', 'ethnic_group': 'VARCHAR', 'main_language': 'VARCHAR',
               'previous_address': 'VARCHAR', 'practice_code': 'VARCHAR'})`);
stage('read');
await db.run(`
  CREATE TEMP TABLE agg AS
  WITH ev AS (
    SELECT area_code, greatest(rk, ${fromKey - 1}) AS k, sex, eth, lang, 1 AS inflow, 0 AS outflow, abroad AS arrivals FROM g WHERE rk <= ${toKey}
    UNION ALL
    SELECT area_code, greatest(dk, ${fromKey - 1}) AS k, sex, eth, lang, 0, 1, 0 FROM g WHERE dk IS NOT NULL AND dk <= ${toKey})
  SELECT area_code, k,
         CASE WHEN grouping(sex) = 0 THEN 'sex' WHEN grouping(eth) = 0 THEN 'ethnic_group' WHEN grouping(lang) = 0 THEN 'main_language' ELSE 'all' END AS characteristic,
         coalesce(sex, eth, lang, 'all') AS category,
         sum(inflow) AS inflow, sum(outflow) AS outflow, sum(arrivals) AS arrivals
  FROM ev
  GROUP BY GROUPING SETS ((area_code, k), (area_code, k, sex), (area_code, k, eth), (area_code, k, lang))`);
stage('aggregate');
await db.run(`
  COPY (
    WITH cells AS (SELECT DISTINCT area_code, characteristic, category FROM agg),
    grid AS (SELECT c.*, m.k FROM cells c CROSS JOIN range(${fromKey - 1}, ${toKey + 1}) AS m(k)),
    full_ AS (
      SELECT g.area_code, g.characteristic, g.category, g.k,
             coalesce(a.inflow, 0) AS inflow, coalesce(a.outflow, 0) AS outflow, coalesce(a.arrivals, 0) AS arrivals,
             sum(coalesce(a.inflow, 0) - coalesce(a.outflow, 0)) OVER (PARTITION BY g.area_code, g.characteristic, g.category ORDER BY g.k) AS stock
      FROM grid g LEFT JOIN agg a USING (area_code, characteristic, category, k)),
    wide AS (
      SELECT area_code, printf('%04d-%02d', k // 12, k % 12 + 1) AS period, characteristic, category,
             stock::BIGINT AS stock, inflow::BIGINT AS inflow, outflow::BIGINT AS outflow, arrivals::BIGINT AS arrivals
      FROM full_ WHERE k >= ${fromKey})
    SELECT area_code, period, measure, characteristic, category, value
    FROM (UNPIVOT wide ON stock, inflow, outflow, arrivals INTO NAME measure VALUE value)
  ) TO ${quote(output)} (HEADER, DELIMITER ',')`);
stage('stock and write');
console.error(`DuckDB: ${input} -> ${output} in ${((performance.now() - started) / 1000).toFixed(2)} s (${threads} threads)`);
