// Cohesion browser-side script (plain ES module, no build step).
//
// Loaded on every page with <script type="module" src="/js/app.js"></script>.
// The Content-Security-Policy allows same-origin scripts only (no inline
// script, no eval) and same-origin stylesheets only (no inline style
// attributes), so everything that GOV.UK Frontend's page template normally
// does inline happens here, and all chart styling goes through ECharts
// options or classes in /css/app.css.
//
// Everything here is progressive enhancement: each chart or map sits beside a
// server-rendered data table, so if anything fails the page still works.
// See docs/frontend.md for the HTML contract.

import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'

// ---------------------------------------------------------------------------
// 1. GOV.UK Frontend
// ---------------------------------------------------------------------------

// Equivalent of the inline snippet in GOV.UK Frontend's template.njk. A
// browser running this module supports ES modules, which is exactly GOV.UK
// Frontend's support check ('noModule' in HTMLScriptElement.prototype).
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

try {
  initAll()
} catch (error) {
  console.error('GOV.UK Frontend failed to initialise', error)
}

// ---------------------------------------------------------------------------
// 2. Charts and maps (Apache ECharts, loaded as a classic deferred script on
//    pages that have charts: window.echarts)
// ---------------------------------------------------------------------------

// GOV.UK colour palette, in the order series use them.
const SERIES_COLOURS = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c', '#505a5f']
// Line symbols, so lines can be told apart without relying on colour.
const LINE_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin']
// Line dashes, so overlaid compass outlines can be told apart in greyscale too.
const LINE_TYPES = ['solid', 'dashed', 'dotted', 'solid', 'dashed', 'dotted']
// A diverging scale for the seven scores of a 1-7 rating (GOV.UK red through grey to GOV.UK blue), for
// stacked distributions: data-chart="bar" with "palette": "diverging".
const DIVERGING_7 = ['#942514', '#d4351c', '#f47738', '#b1b4b6', '#5694ca', '#1d70b8', '#003078']

// Sequential single-hue scale (ColorBrewer "Blues", 9 classes): colour-blind
// safe and readable in greyscale.
const MAP_SCALE = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b']
const NO_DATA_COLOUR = '#b1b4b6' // GOV.UK mid-grey
const TEXT_COLOUR = '#0b0c0c'
const SECONDARY_TEXT_COLOUR = '#505a5f'
const BORDER_COLOUR = '#b1b4b6'
const GRIDLINE_COLOUR = '#e4e6e7'
const FOCUS_COLOUR = '#ffdd00'
const FONT_FAMILY = 'arial, sans-serif'

const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false

/** Format a number the UK way (1,234.5), to a fixed number of decimals if given. Returns 'No data' for null/NaN. */
function formatNumber (value, suffix = '', decimals = null) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) {
    return 'No data'
  }
  const digits = decimals === null ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
  return Number(value).toLocaleString('en-GB', digits) + suffix
}

/** Suffix to append to a formatted value for a map "unit". */
function unitSuffix (unit) {
  if (!unit) return ''
  if (unit === '%') return '%'
  return ' ' + unit
}

/** Escape text for use in tooltip HTML (ECharts sets it via innerHTML). */
function escapeHtml (text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c])
}

// Tooltips are built from elements with classes only (no style attributes,
// which the CSP would block). See .app-chart-tooltip* in /css/app.css.
function tooltipHtml (heading, rows) {
  const items = rows.map(([label, value]) =>
    '<li class="app-chart-tooltip__row">' +
      (label ? '<span class="app-chart-tooltip__label">' + escapeHtml(label) + ':</span> ' : '') +
      '<span class="app-chart-tooltip__value">' + escapeHtml(value) + '</span>' +
    '</li>').join('')
  return '<div class="app-chart-tooltip">' +
    '<p class="app-chart-tooltip__heading">' + escapeHtml(heading) + '</p>' +
    '<ul class="app-chart-tooltip__list">' + items + '</ul>' +
    '</div>'
}

/** Options shared by every chart. */
function baseOption () {
  return {
    animation: !reducedMotion,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR, fontSize: 14 },
    tooltip: {
      confine: true,
      renderMode: 'html',
      className: 'app-chart-tooltip-container',
      backgroundColor: '#ffffff',
      borderColor: TEXT_COLOUR,
      borderWidth: 1,
      padding: [8, 10],
      textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR, fontSize: 16 }
    }
  }
}

function legendOption (show) {
  return {
    show,
    type: 'scroll',
    top: 0,
    left: 0,
    icon: 'rect',
    itemWidth: 16,
    itemHeight: 16,
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR, fontSize: 16 }
  }
}

function axisCommon () {
  return {
    axisLine: { lineStyle: { color: BORDER_COLOUR } },
    axisTick: { lineStyle: { color: BORDER_COLOUR } },
    axisLabel: { color: TEXT_COLOUR, fontFamily: FONT_FAMILY, fontSize: 14 },
    splitLine: { lineStyle: { color: GRIDLINE_COLOUR } }
  }
}

/** Read and validate the JSON spec referenced by data-chart-source. */
function readChartSpec (element) {
  const id = element.dataset.chartSource
  const source = id ? document.getElementById(id) : null
  if (!source) throw new Error(`chart data element #${id} not found`)
  const spec = JSON.parse(source.textContent)
  if (!Array.isArray(spec.categories) || !Array.isArray(spec.series)) {
    throw new Error(`chart data #${id} needs "categories" and "series" arrays`)
  }
  return spec
}

function seriesValues (series) {
  return (series.values ?? []).map((v) => (v === null || v === undefined ? '-' : v))
}

function axisTooltipFormatter (suffix, intervalLabel = 'interval') {
  return (params) => {
    const list = Array.isArray(params) ? params : [params]
    if (list.length === 0) return ''
    const rows = list.map((p) => Array.isArray(p.value)
      // An interval series' point is [category, low, high].
      ? [intervalLabel, p.value[1] === '-' ? 'No data' : formatNumber(p.value[1], suffix) + ' to ' + formatNumber(p.value[2], suffix)]
      : [list.length > 1 || p.seriesName ? p.seriesName : '', formatNumber(p.value === '-' ? null : p.value, suffix)])
    return tooltipHtml(list[0].name ?? list[0].axisValueLabel, rows)
  }
}

/**
 * Error bars over a bar series: the series' "low" and "high" (as on a line chart) drawn as a line with end caps
 * across each bar, a custom series on the same axes. For a single series (grouped bars would need each bar's
 * offset).
 */
function intervalSeries (s, horizontal) {
  const bound = (v) => v !== null && v !== undefined && Number.isFinite(v)
  return {
    type: 'custom',
    name: 'interval',
    data: s.low.map((low, i) => (bound(low) && bound(s.high[i]) ? [i, low, s.high[i]] : [i, '-', '-'])),
    encode: horizontal ? { y: 0, x: [1, 2], tooltip: [1, 2] } : { x: 0, y: [1, 2], tooltip: [1, 2] },
    z: 10,
    renderItem: (params, api) => {
      const category = api.value(0)
      const low = api.value(1)
      const high = api.value(2)
      if (!Number.isFinite(low) || !Number.isFinite(high)) return { type: 'group', children: [] }
      const a = api.coord(horizontal ? [low, category] : [category, low])
      const b = api.coord(horizontal ? [high, category] : [category, high])
      const band = api.size(horizontal ? [0, 1] : [1, 0])[horizontal ? 1 : 0]
      const cap = Math.max(3, Math.min(8, band * 0.2))
      const style = { stroke: TEXT_COLOUR, lineWidth: 2 }
      const line = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style })
      return {
        type: 'group',
        children: horizontal
          ? [line(a[0], a[1], b[0], b[1]), line(a[0], a[1] - cap, a[0], a[1] + cap), line(b[0], b[1] - cap, b[0], b[1] + cap)]
          : [line(a[0], a[1], b[0], b[1]), line(a[0] - cap, a[1], a[0] + cap, a[1]), line(b[0] - cap, b[1], b[0] + cap, b[1])]
      }
    }
  }
}

/** Category label width (px) that suits the container's current width. */
function categoryLabelWidth (element, spec) {
  const width = element.clientWidth || 600
  if (spec.horizontal !== false) {
    return Math.max(80, Math.min(220, Math.round(width * 0.35)))
  }
  return Math.max(40, Math.floor((width * 0.85) / Math.max(1, spec.categories.length)))
}

function categoryAxisKey (spec) {
  return spec.horizontal !== false ? 'yAxis' : 'xAxis'
}

function barOption (spec, element) {
  const suffix = spec.valueSuffix ?? ''
  const horizontal = spec.horizontal !== false
  const multi = spec.series.length > 1

  const categoryAxis = {
    ...axisCommon(),
    type: 'category',
    data: spec.categories,
    inverse: horizontal, // keep the first category at the top, as in the table
    axisTick: { show: false },
    axisLabel: {
      ...axisCommon().axisLabel,
      width: categoryLabelWidth(element, spec),
      overflow: horizontal ? 'truncate' : 'break',
      interval: 0,
      hideOverlap: !horizontal
    }
  }
  const valueAxis = {
    ...axisCommon(),
    type: 'value',
    axisLabel: { ...axisCommon().axisLabel, formatter: (v) => formatNumber(v, suffix), hideOverlap: true }
  }

  // stacked: true stacks the series (a distribution adding up to 100%); valueMin and valueMax fix the axis ends
  // (a 10-50 scale starts at 10).
  if (spec.valueMin !== undefined) valueAxis.min = spec.valueMin
  if (spec.valueMax !== undefined) valueAxis.max = spec.valueMax
  return {
    ...baseOption(),
    color: spec.palette === 'diverging' ? DIVERGING_7 : SERIES_COLOURS,
    legend: legendOption(multi),
    grid: { left: 8, right: 24, top: multi ? 40 : 16, bottom: 8, containLabel: true },
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: axisTooltipFormatter(suffix, spec.intervalLabel)
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      ...spec.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: seriesValues(s),
        stack: spec.stacked ? 'all' : undefined,
        barMaxWidth: 32,
        barGap: '10%',
        // Stacked segments are separated by a white line so neighbouring colours never run together.
        itemStyle: spec.stacked ? { borderColor: '#ffffff', borderWidth: 1 } : undefined,
        emphasis: { focus: multi ? 'series' : 'none' }
      })),
      ...(!multi && Array.isArray(spec.series[0]?.low) && Array.isArray(spec.series[0]?.high) ? [intervalSeries(spec.series[0], horizontal)] : [])
    ]
  }
}

/**
 * A radar ("compass") chart: one spoke per category, laid out clockwise from
 * the top, every spoke on the same scale from spec.min (at the centre) to
 * spec.max (at the rim), one outline per series. Used for the Place Standard
 * compass, where low scores (a lot of room for improvement) sit near the
 * centre. Drawn as lines on polar axes rather than ECharts' radar series,
 * because a radar series draws a missing value at the centre, as if it were
 * the lowest score; here a null (withheld, not answered) leaves a gap.
 */
function radarOption (spec, element) {
  const multi = spec.series.length > 1
  const min = spec.min ?? 0
  const max = spec.max ?? Math.max(1, ...spec.series.flatMap((s) => (s.values ?? []).filter((v) => typeof v === 'number')))
  const decimals = spec.decimals ?? 1
  const narrow = (element.clientWidth || 600) < 560
  const categories = spec.categories
  return {
    ...baseOption(),
    color: SERIES_COLOURS,
    legend: legendOption(multi),
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'item',
      formatter: (p) => tooltipHtml(p.seriesName, [[categories[p.dataIndex % categories.length], formatNumber(p.value?.[0], '', decimals)]])
    },
    polar: { center: ['50%', multi ? '55%' : '52%'], radius: narrow ? '55%' : '66%' },
    // A value axis running once round from 0 to the number of spokes, so the closing point (back at the
    // first spoke, at the full turn) is a point of its own; a category axis has nowhere to put it.
    angleAxis: {
      type: 'value',
      min: 0,
      max: categories.length,
      interval: 1,
      startAngle: 90,
      clockwise: true,
      axisLine: { lineStyle: { color: BORDER_COLOUR } },
      axisTick: { show: false },
      axisLabel: {
        color: TEXT_COLOUR,
        fontFamily: FONT_FAMILY,
        fontSize: narrow ? 12 : 14,
        margin: 10,
        showMaxLabel: false,
        formatter: (v) => categories[v] ?? ''
      },
      splitLine: { show: true, lineStyle: { color: BORDER_COLOUR } }
    },
    radiusAxis: {
      type: 'value',
      min,
      max,
      interval: 1,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: SECONDARY_TEXT_COLOUR, fontFamily: FONT_FAMILY, fontSize: 12, formatter: (v) => formatNumber(v, '', 0) },
      splitLine: { lineStyle: { color: GRIDLINE_COLOUR } }
    },
    series: spec.series.map((s, i) => {
      const values = seriesValues(s)
      // The outline closes by returning to the first spoke.
      const data = [...values, values[0]].map((v, k) => [v, k])
      return {
        type: 'line',
        coordinateSystem: 'polar',
        name: s.name,
        data,
        connectNulls: false,
        symbol: LINE_SYMBOLS[i % LINE_SYMBOLS.length],
        symbolSize: 8,
        showSymbol: true,
        lineStyle: { width: 3, type: LINE_TYPES[i % LINE_TYPES.length] },
        // Fill only a single outline: overlaid fills would hide one another.
        areaStyle: multi ? undefined : { opacity: 0.15 },
        emphasis: { focus: multi ? 'series' : 'none' }
      }
    })
  }
}

function lineOption (spec) {
  const suffix = spec.valueSuffix ?? ''
  const multi = spec.series.length > 1

  return {
    ...baseOption(),
    color: SERIES_COLOURS,
    legend: legendOption(multi),
    grid: { left: 8, right: 24, top: multi ? 40 : 16, bottom: 8, containLabel: true },
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: SECONDARY_TEXT_COLOUR } },
      formatter: lineTooltipFormatter(spec, suffix)
    },
    xAxis: {
      ...axisCommon(),
      type: 'category',
      data: spec.categories,
      boundaryGap: false,
      axisLabel: { ...axisCommon().axisLabel, hideOverlap: true }
    },
    yAxis: {
      ...axisCommon(),
      type: 'value',
      // zeroBased: false lets the axis fit the data (a headcount whose changes would be flat from zero).
      scale: spec.zeroBased === false,
      axisLabel: { ...axisCommon().axisLabel, formatter: (v) => formatNumber(v, suffix), hideOverlap: true }
    },
    series: spec.series.flatMap((s, i) => {
      const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]
      const line = {
        type: 'line',
        id: `line-${i}`,
        name: s.name,
        data: seriesValues(s),
        symbol: LINE_SYMBOLS[i % LINE_SYMBOLS.length],
        symbolSize: 8,
        showSymbol: true,
        connectNulls: false,
        itemStyle: { color: colour },
        lineStyle: { width: 3, color: colour },
        z: 3,
        emphasis: { focus: multi ? 'series' : 'none' }
      }
      return Array.isArray(s.low) && Array.isArray(s.high) ? [line, ...intervalBand(s, i, colour)] : [line]
    })
  }
}

// An interval (e.g. a survey estimate's 95% confidence interval) drawn as a light band behind its line: an
// invisible line at the lower bound with the band's width stacked on it and filled. Same name as the line, so
// the legend shows and hides both together; left out of the tooltip, which gives the interval in words.
function intervalBand (s, i, colour) {
  const stack = `interval-${i}`
  const missing = (k) => s.low[k] === null || s.low[k] === undefined || s.high[k] === null || s.high[k] === undefined
  const common = { type: 'line', name: s.name, stack, symbol: 'none', silent: true, connectNulls: false, lineStyle: { opacity: 0 }, z: 1, tooltip: { show: false } }
  return [
    { ...common, id: `${stack}-low`, data: s.low.map((v, k) => (missing(k) ? '-' : v)) },
    { ...common, id: `${stack}-width`, data: s.high.map((v, k) => (missing(k) ? '-' : v - s.low[k])), areaStyle: { color: colour, opacity: 0.18 } }
  ]
}

function lineTooltipFormatter (spec, suffix) {
  return (params) => {
    const list = (Array.isArray(params) ? params : [params]).filter((p) => String(p.seriesId ?? '').startsWith('line-'))
    if (list.length === 0) return ''
    const rows = list.map((p) => {
      const s = spec.series[Number(String(p.seriesId).slice(5))]
      const value = formatNumber(p.value === '-' ? null : p.value, suffix)
      const low = s?.low?.[p.dataIndex]
      const high = s?.high?.[p.dataIndex]
      const interval = low !== null && low !== undefined && high !== null && high !== undefined
        ? ` (${spec.intervalLabel ?? 'interval'} ${formatNumber(low, suffix)} to ${formatNumber(high, suffix)})`
        : ''
      return [spec.series.length > 1 || p.seriesName ? p.seriesName : '', value + interval]
    })
    return tooltipHtml(list[0].name, rows)
  }
}

async function fetchJson (url) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/geo+json' }
  })
  if (!response.ok) throw new Error(`GET ${url} failed: ${response.status}`)
  return response.json()
}

/** [minX, minY, maxX, maxY] of a GeoJSON FeatureCollection. */
function geoBounds (geojson) {
  const b = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (coords) => {
    if (typeof coords[0] === 'number') {
      if (coords[0] < b[0]) b[0] = coords[0]
      if (coords[1] < b[1]) b[1] = coords[1]
      if (coords[0] > b[2]) b[2] = coords[0]
      if (coords[1] > b[3]) b[3] = coords[1]
    } else {
      coords.forEach(visit)
    }
  }
  for (const feature of geojson.features ?? []) {
    if (feature?.geometry?.coordinates) visit(feature.geometry.coordinates)
  }
  return b
}

function mapOption (mapName, geojson, values, missing = 'No data', decimals = null) {
  const unit = values.unit ?? ''
  const suffix = unitSuffix(unit)
  const label = values.label || values.measure || 'Value'
  const format = (v) => formatNumber(v, suffix, decimals)

  // Names for the tooltip: the values file first, then the GeoJSON.
  const names = new Map()
  for (const f of geojson.features ?? []) {
    if (f?.properties?.code) names.set(String(f.properties.code), f.properties.name ?? '')
  }
  const rows = Array.isArray(values.values) ? values.values : []
  for (const v of rows) {
    if (v?.code && v.name) names.set(String(v.code), v.name)
  }

  const numbers = rows.map((v) => v?.value).filter((v) => typeof v === 'number' && Number.isFinite(v))
  let min = numbers.length ? Math.min(...numbers) : 0
  let max = numbers.length ? Math.max(...numbers) : 1
  if (min === max) { min = Math.min(0, min); max = max === min ? min + 1 : max }

  const data = rows
    .filter((v) => v && v.code)
    .map((v) => {
      const hasValue = typeof v.value === 'number' && Number.isFinite(v.value)
      return hasValue
        ? { name: String(v.code), value: v.value }
        // No data / suppressed: NaN gets no colour from the visualMap, so the
        // area keeps this grey, hatched so it does not rely on colour alone.
        : noDataItem(String(v.code))
    })

  // Areas in the GeoJSON with no entry in the values file: no data either.
  const listed = new Set(data.map((d) => d.name))
  for (const code of names.keys()) {
    if (!listed.has(code)) data.push(noDataItem(code))
  }

  // Raw lon/lat is drawn as an equirectangular projection: correct the aspect
  // ratio for the latitude (cos φ). Projected coordinates (e.g. British
  // National Grid metres) are already square.
  const [minX, minY, maxX, maxY] = geoBounds(geojson)
  const isLonLat = minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90
  const aspectScale = isLonLat ? Math.cos(((minY + maxY) / 2) * Math.PI / 180) : 1

  return {
    ...baseOption(),
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'item',
      formatter: (p) => {
        const code = p.name
        const value = typeof p.value === 'number' && Number.isFinite(p.value) ? p.value : null
        return tooltipHtml(names.get(code) || code, [
          ['Code', code],
          [label, value === null ? missing : format(value)]
        ])
      }
    },
    // The legend names its measure, so the colour scale is never a bare pair of numbers.
    title: {
      text: label,
      left: 0,
      bottom: 40,
      textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR, fontSize: 14, fontWeight: 'bold' }
    },
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: false,
      realtime: false,
      orient: 'horizontal',
      left: 0,
      bottom: 0,
      itemWidth: 16,
      itemHeight: 200,
      text: [format(max), format(min)],
      textGap: 8,
      textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOUR, fontSize: 14 },
      inRange: { color: MAP_SCALE },
      outOfRange: { color: NO_DATA_COLOUR },
      seriesIndex: 0
    },
    series: [{
      type: 'map',
      map: mapName,
      nameProperty: 'code', // match GeoJSON features by properties.code
      aspectScale,
      roam: false,
      selectedMode: false,
      layoutCenter: ['50%', '46%'],
      layoutSize: '88%',
      label: { show: false },
      itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#ffffff', borderWidth: 0.5 },
      emphasis: {
        label: { show: false },
        itemStyle: { areaColor: FOCUS_COLOUR, borderColor: TEXT_COLOUR, borderWidth: 1.5 }
      },
      data
    }]
  }
}

/**
 * Points on the outlines of areas (the asset directory's maps): `data-map-points` is a same-origin URL answering
 * { centre?: { latitude, longitude, name }, items: [{ name, latitude, longitude, url, distanceKm?, place? }] }.
 * Each item is a blue circle that goes to its url when clicked; the centre, when given, a black diamond. The list on
 * the page holds the same items.
 */
function pointsMapOption (mapName, geojson, data) {
  const items = (Array.isArray(data?.items) ? data.items : [])
    .filter((p) => Number.isFinite(p?.latitude) && Number.isFinite(p?.longitude))
  const [, minY, , maxY] = geoBounds(geojson)
  const aspectScale = Math.cos(((minY + maxY) / 2) * Math.PI / 180)
  const detail = (p) => [
    typeof p.distanceKm === 'number' ? ['Distance', formatNumber(p.distanceKm, ' km', 2)] : null,
    p.place ? ['Where', p.place] : null
  ].filter(Boolean)
  const series = [{
    type: 'scatter',
    coordinateSystem: 'geo',
    symbol: 'circle',
    symbolSize: 11,
    itemStyle: { color: SERIES_COLOURS[0], borderColor: '#ffffff', borderWidth: 1.5 },
    emphasis: { itemStyle: { color: FOCUS_COLOUR, borderColor: TEXT_COLOUR, borderWidth: 2 } },
    data: items.map((p) => ({ name: p.name, value: [p.longitude, p.latitude], url: p.url, rows: detail(p) }))
  }]
  if (data?.centre && Number.isFinite(data.centre.latitude) && Number.isFinite(data.centre.longitude)) {
    series.push({
      type: 'scatter',
      coordinateSystem: 'geo',
      symbol: 'diamond',
      symbolSize: 16,
      itemStyle: { color: TEXT_COLOUR, borderColor: '#ffffff', borderWidth: 1.5 },
      data: [{ name: data.centre.name || 'Centre', value: [data.centre.longitude, data.centre.latitude], rows: [] }]
    })
  }
  return {
    ...baseOption(),
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'item',
      formatter: (p) => p.componentType === 'series' ? tooltipHtml(p.name, p.data?.rows ?? []) : ''
    },
    geo: {
      map: mapName,
      nameProperty: 'code',
      aspectScale,
      roam: false,
      silent: true,
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      label: { show: false },
      itemStyle: { areaColor: '#f3f2f1', borderColor: BORDER_COLOUR, borderWidth: 1 }
    },
    series
  }
}

function noDataItem (code) {
  return { name: code, value: NaN, itemStyle: { areaColor: NO_DATA_COLOUR, decal: noDataDecal() } }
}

function noDataDecal () {
  return {
    symbol: 'rect',
    symbolSize: 1,
    color: 'rgba(255, 255, 255, 0.6)',
    dashArrayX: [1, 0],
    dashArrayY: [2, 4],
    rotation: Math.PI / 4
  }
}

// --- wiring --------------------------------------------------------------

// chart -> function that re-fits it to its container
const charts = new Map()

function trackResize (element, chart, beforeResize) {
  const refit = () => {
    if (chart.isDisposed()) return
    if (beforeResize) chart.setOption(beforeResize())
    chart.resize()
  }
  charts.set(chart, refit)
  if ('ResizeObserver' in window) {
    let frame = 0
    new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(refit)
    }).observe(element)
  }
}

let windowResizeFrame = 0
window.addEventListener('resize', () => {
  cancelAnimationFrame(windowResizeFrame)
  windowResizeFrame = requestAnimationFrame(() => charts.forEach((refit) => refit()))
})

function initChartElement (echarts, element) {
  const spec = readChartSpec(element)
  const kind = element.dataset.chart || 'bar'
  let option
  if (kind === 'bar') option = barOption(spec, element)
  else if (kind === 'line') option = lineOption(spec)
  else if (kind === 'radar') option = radarOption(spec, element)
  else throw new Error(`unknown data-chart="${kind}"`)

  if (!element.hasAttribute('aria-label') && spec.title) {
    element.setAttribute('aria-label', spec.title)
  }
  const chart = echarts.init(element, null, { renderer: 'canvas', locale: 'EN' })
  chart.setOption(option)
  trackResize(element, chart, kind === 'bar'
    ? () => ({ [categoryAxisKey(spec)]: { axisLabel: { width: categoryLabelWidth(element, spec) } } })
    : kind === 'radar' ? () => radarOption(spec, element) : null)
}

let mapCounter = 0

async function initMapElement (echarts, element) {
  const geojsonUrl = element.dataset.mapGeojson
  if (element.dataset.mapPoints) return initPointsMapElement(echarts, element, geojsonUrl, element.dataset.mapPoints)
  const valuesUrl = element.dataset.mapValues
  if (!geojsonUrl || !valuesUrl) throw new Error('app-map needs data-map-geojson and data-map-values')

  const [geojson, values] = await Promise.all([fetchJson(geojsonUrl), fetchJson(valuesUrl)])
  if (!geojson || !Array.isArray(geojson.features)) throw new Error(`${geojsonUrl} is not a FeatureCollection`)

  const mapName = `cohesion-map-${++mapCounter}`
  echarts.registerMap(mapName, geojson)

  const chart = echarts.init(element, null, { renderer: 'canvas', locale: 'EN' })
  const decimals = /^[0-9]$/.test(element.dataset.mapDecimals ?? '') ? Number(element.dataset.mapDecimals) : null
  chart.setOption(mapOption(mapName, geojson, values ?? {}, element.dataset.mapMissing || 'No data', decimals))
  // data-map-link: where clicking an area goes, with {code} for its code (same-origin paths only).
  const link = element.dataset.mapLink?.startsWith('/') ? element.dataset.mapLink : '/areas/{code}'
  chart.on('click', (params) => {
    if (params.componentType === 'series' && params.name) {
      window.location.assign(link.replace('{code}', encodeURIComponent(params.name)))
    }
  })
  trackResize(element, chart)
}

async function initPointsMapElement (echarts, element, geojsonUrl, pointsUrl) {
  if (!geojsonUrl || !pointsUrl.startsWith('/')) throw new Error('a points map needs data-map-geojson and a same-origin data-map-points')
  const [geojson, points] = await Promise.all([fetchJson(geojsonUrl), fetchJson(pointsUrl)])
  if (!geojson || !Array.isArray(geojson.features)) throw new Error(`${geojsonUrl} is not a FeatureCollection`)
  const mapName = `cohesion-map-${++mapCounter}`
  echarts.registerMap(mapName, geojson)
  const chart = echarts.init(element, null, { renderer: 'canvas', locale: 'EN' })
  chart.setOption(pointsMapOption(mapName, geojson, points ?? {}))
  chart.on('click', (params) => {
    const url = params.data?.url
    if (params.componentType === 'series' && typeof url === 'string' && url.startsWith('/')) window.location.assign(url)
  })
  trackResize(element, chart)
}

function markFailed (element, error) {
  console.error('Chart could not be drawn; the data table is still available', element, error)
  element.classList.add('app-chart--failed')
}

/** window.echarts, waiting for the deferred classic script if necessary. */
function whenEchartsReady () {
  if (window.echarts) return Promise.resolve(window.echarts)
  if (document.readyState === 'complete') return Promise.resolve(null)
  // Module and deferred scripts run in document order before DOMContentLoaded,
  // so echarts is normally there by then; 'load' is the last resort.
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => {
      if (window.echarts) resolve(window.echarts)
    }, { once: true })
    window.addEventListener('load', () => resolve(window.echarts || null), { once: true })
  })
}

/** Wait (briefly) for the web fonts so canvas text uses GDS Transport. */
function whenFontsReady (timeoutMs = 1500) {
  if (!document.fonts?.ready) return Promise.resolve()
  return Promise.race([
    document.fonts.ready,
    new Promise((resolve) => setTimeout(resolve, timeoutMs))
  ]).catch(() => {})
}

async function initCharts () {
  const chartElements = [...document.querySelectorAll('.app-chart[data-chart]')]
  const mapElements = [...document.querySelectorAll('.app-map[data-map-geojson]')]
  if (chartElements.length === 0 && mapElements.length === 0) return

  const echarts = await whenEchartsReady()
  if (!echarts) {
    [...chartElements, ...mapElements].forEach((el) => markFailed(el, new Error('window.echarts is not available')))
    return
  }
  await whenFontsReady()

  for (const element of chartElements) {
    try {
      initChartElement(echarts, element)
    } catch (error) {
      markFailed(element, error)
    }
  }
  await Promise.all(mapElements.map((element) =>
    initMapElement(echarts, element).catch((error) => markFailed(element, error))))
}

initCharts()
  .catch((error) => console.error('Charts failed to initialise', error))
  .finally(() => {
    // Lets browser tests wait until every chart and map has been drawn (or
    // has failed): await page.waitForSelector('body[data-charts-ready]').
    document.body.setAttribute('data-charts-ready', 'true')
  })

// Exposed for debugging and browser tests (e.g. waiting for charts to draw).
window.cohesionCharts = charts
