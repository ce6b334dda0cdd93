extension HTMLReport {
  /// The page's style sheet: system fonts only, print-friendly, colour-blind-safe outcome colours
  /// (blue for passes, orange for fails, grey for inconclusive) that always come with a mark and a word.
  static let styleSheet = #"""
    :root {
      --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da;
      --pass-bg: #dbeafe; --pass-ink: #0b4a8b; --fail-bg: #fde2c8; --fail-ink: #8a3300;
      --unsure-bg: #eceff1; --unsure-ink: #3d4850;
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: #eef1f4; color: var(--ink);
      font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
    header { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px 14px;
      border-top: 4px solid var(--accent); }
    h1 { font-size: 24px; margin: 0 0 2px; letter-spacing: -0.01em; }
    h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 15px; margin: 18px 0 8px; }
    .subtitle { color: var(--muted); margin: 0 0 12px; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0 0 10px; }
    .facts dt { color: var(--muted); font-weight: 600; }
    .facts dd { margin: 0; }
    .counts { margin: 8px 0 0; display: flex; gap: 8px; flex-wrap: wrap; }
    .badge { border-radius: 12px; padding: 2px 10px; font-weight: 600; font-size: 13px; }
    nav { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 10px 4px; font-size: 13px; }
    nav a { color: var(--accent); text-decoration: none; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 24px 20px;
      margin: 0 0 18px; }
    .lead { color: var(--muted); margin: 0 0 14px; max-width: 920px; }
    .table-scroll { overflow-x: auto; }
    table { border-collapse: collapse; }
    th, td { padding: 5px 10px; text-align: left; vertical-align: middle; }
    thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
    tbody tr + tr > * { border-top: 1px solid #eaeef2; }
    .number { text-align: right; font-variant-numeric: tabular-nums; }
    .verdicts th[scope=row] { font-weight: 600; white-space: nowrap; }
    .verdicts td { min-width: 150px; }
    .outcome { font-weight: 600; white-space: nowrap; }
    .passes { background: var(--pass-bg); color: var(--pass-ink); }
    .fails { background: var(--fail-bg); color: var(--fail-ink); }
    .inconclusive { background: var(--unsure-bg); color: var(--unsure-ink); }
    .missing { color: var(--muted); font-weight: 400; font-style: italic; }
    .verdicts td.outcome { border: 2px solid #fff; border-radius: 6px; }
    .mark { display: inline-block; width: 1.1em; text-align: center; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 7px; }
    details.evidence { margin-top: 14px; border-top: 1px solid var(--line); padding-top: 8px; }
    details.evidence summary { cursor: pointer; font-weight: 600; color: var(--accent); }
    .rule { margin: 0 0 6px; }
    .label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
      font-weight: 700; margin-right: 6px; }
    .evidence-table { font-size: 13px; }
    .evidence-table th { white-space: nowrap; font-weight: 600; }
    .evidence-table td:last-child { font-variant-numeric: tabular-nums; color: #33383e; }
    .chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 18px; }
    .chart-figure { margin: 0; border: 1px solid #eaeef2; border-radius: 6px; padding: 10px 8px 6px; }
    .chart-figure figcaption { text-align: center; font-weight: 600; font-size: 13px; margin-top: 2px; }
    svg.chart { width: 100%; height: auto; display: block; font-size: 12px; }
    svg text { fill: #33383e; }
    .grid { stroke: #e6eaee; stroke-width: 1; }
    .zero { stroke: #6e7781; stroke-width: 1.2; }
    .axis { stroke: #8c959f; stroke-width: 1; }
    .reference { stroke: #cf222e; stroke-width: 1; stroke-dasharray: 1 3; stroke-linecap: round; }
    .reference-label { fill: #cf222e; font-size: 10px; }
    .tick { font-size: 11.5px; fill: #59636e; }
    .axis-title { font-size: 12px; fill: #33383e; font-weight: 600; }
    .band { fill-opacity: 0.14; stroke: none; }
    .line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    .point { stroke: #fff; stroke-width: 1; }
    .legend { font-size: 12.5px; }
    .dot-plot .whisker { stroke: #0969da; stroke-width: 2; }
    .dot-plot .dot { fill: #0969da; }
    .example { margin: 0 0 20px; }
    .meta { color: var(--muted); font-weight: 400; font-size: 13px; margin-left: 6px; }
    .logo-scroll { overflow-x: auto; }
    .logo-grid { display: grid; grid-template-columns: 236px max-content; align-items: center; }
    .logo-label { display: flex; align-items: center; gap: 8px; font-size: 12px; padding-right: 10px;
      height: 100%; }
    .logo-label .method { font-weight: 700; flex: none; width: 120px; overflow-wrap: anywhere; line-height: 1.2; }
    .logo-label .detail { display: flex; flex-direction: column; line-height: 1.25; min-width: 0; }
    .logo-label .stage { color: #33383e; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .logo-label .scale { color: var(--muted); font-size: 10.5px; font-variant-numeric: tabular-nums;
      white-space: nowrap; }
    .logo-label.method-start, .logo-track.method-start { border-top: 1px solid var(--line); padding-top: 4px; }
    .logo-track svg { display: block; }
    .motif { fill: #fff1c2; }
    .logo-axis { stroke: #b3bcc6; stroke-width: 0.8; }
    .ruler .base { font: 700 9px ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; text-anchor: middle; }
    .ruler { overflow: visible; }
    .ruler .position { font-size: 8px; fill: #8c959f; text-anchor: middle; }
    .glyph-definitions { position: absolute; }
    .colour-bar { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--muted); margin: -4px 0 12px; }
    .colour-bar .note { margin-left: 10px; }
    .map-grid th { font-size: 12px; font-weight: 600; text-align: center; }
    .map-grid tbody th { text-align: right; white-space: nowrap; }
    .map-grid td { padding: 4px; text-align: center; }
    .map-grid td.empty { color: var(--muted); }
    .heatmap { display: block; margin: 0 auto; border: 1px solid #d8dee4; }
    figure.input { margin: 0; }
    figure.input figcaption { font-weight: 400; color: var(--muted); }
    .pair-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 14px; }
    .pair { border: 1px solid #eaeef2; border-radius: 6px; padding: 4px 12px 10px; }
    .pair.sequence { grid-column: 1 / -1; }
    .pair h3 { margin: 8px 0; }
    .panels { display: flex; gap: 14px; flex-wrap: wrap; }
    .pair.sequence .panels { flex-direction: column; gap: 6px; }
    .panels figure { margin: 0; font-size: 12px; color: var(--muted); text-align: center; }
    .pair.sequence .panels figure { display: grid; grid-template-columns: 170px max-content; align-items: center;
      text-align: left; }
    .pair.sequence .panels figcaption { order: -1; }
    .settings { font-size: 13px; }
    .settings th { font-weight: 600; color: var(--muted); white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .settings td { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; word-break: break-word; }
    footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
    @media print { body { background: #fff; } section, header { border: none; } nav { display: none; } }

    """#
}
