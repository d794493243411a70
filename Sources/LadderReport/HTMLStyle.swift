/// The report's inline style sheet and SVG patterns. Local fonts only; print styles put one
/// ladder on a page and keep charts legible in black and white (solid, hatched, cross-hatched).
enum HTMLStyle {
    /// Patterns every chart refers to, defined once per page.
    static let defs = """
        <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>\
        <pattern id="ll-mgmt" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#fbe4d5"/><rect width="2.6" height="6" fill="#c2410c"/></pattern>\
        <pattern id="ll-gap" width="5" height="5" patternUnits="userSpaceOnUse">\
        <rect width="5" height="5" fill="#fde2df" fill-opacity="0.55"/>\
        <path d="M0 0L5 5M5 0L0 5" stroke="#b42318" stroke-width="1.1"/></pattern>\
        </defs></svg>
        """

    static let css = """
        :root {
          --ink: #18212f; --muted: #5d6878; --faint: #8a94a3; --line: #dfe4ec; --paper: #ffffff; --desk: #eef1f6;
          --ic: #1f4e8c; --mgmt: #c2410c; --gap: #b42318; --gap-bg: #fdecea;
          --ok: #137333; --ok-bg: #e6f4ea; --warn: #a15c00; --warn-bg: #fff3dc; --info: #3f5873; --info-bg: #e9eef5;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--desk); color: var(--ink);
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
          font-variant-numeric: tabular-nums; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.88em; }
        a { color: var(--ic); }
        h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
        .muted { color: var(--muted); }
        .wrap, main { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
        .masthead { background: #14213d; color: #e8edf5; }
        .masthead .wrap { display: flex; justify-content: space-between; align-items: baseline; padding-top: 10px; padding-bottom: 10px; }
        .brand { font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; font-size: 12px; }
        .run { font-size: 12.5px; color: #b9c3d3; }
        /* A report of many ladders opens in seconds: sections off screen are laid out when reached.
           Small reports keep every section laid out, so selecting all copies all of it. */
        body.many main > section, body.many article.rule { content-visibility: auto; contain-intrinsic-size: auto 2400px; }
        main > section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
          margin: 22px 0; padding: 26px 30px 30px; box-shadow: 0 1px 2px rgba(20, 33, 61, 0.05); }
        h1 { font-size: 28px; letter-spacing: -0.01em; }
        .lede { font-size: 16px; color: var(--muted); margin: 8px 0 20px; max-width: 62em; }
        .section-h { font-size: 19px; margin: 26px 0 10px; }
        section.findings > .section-h, section.coverage > .section-h { margin-top: 0; }
        .stats { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 0; }
        .stat { border: 1px solid var(--line); border-top: 4px solid var(--line); border-radius: 8px; padding: 8px 14px 10px; background: #fafbfd; }
        .stat dt { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
        .stat dd { margin: 2px 0 0; font-size: 26px; font-weight: 700; }
        .stat.sev-error { border-top-color: var(--gap); } .stat.sev-error dd { color: var(--gap); }
        .stat.sev-warning { border-top-color: var(--warn); } .stat.sev-warning dd { color: var(--warn); }
        .stat.sev-info { border-top-color: var(--info); }
        .stat.suppressed { border-top-color: var(--faint); }
        .stat.zero dd { color: var(--faint); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
        thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; border-bottom: 2px solid #c9d1dc; }
        .num { text-align: right; white-space: nowrap; }
        caption { caption-side: top; text-align: left; font-size: 12.5px; color: var(--muted); padding: 0 0 6px; }
        table.verdicts th[scope=row] { width: 26%; }
        table.verdicts th[scope=row] a { font-size: 15px; font-weight: 700; color: var(--ink); text-decoration: none; }
        table.verdicts .org { display: block; font-weight: 400; color: var(--muted); font-size: 12.5px; }
        table.verdicts td { padding-top: 9px; padding-bottom: 9px; }
        table.verdicts .sentence { display: block; margin-top: 4px; }
        .counts .n { display: block; font-size: 12.5px; }
        .n.sev-error { color: var(--gap); font-weight: 600; } .n.sev-warning { color: var(--warn); font-weight: 600; }
        .n.sev-info { color: var(--info); } .n.suppressed, .n.zero { color: var(--faint); }
        .chip { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 999px; padding: 2px 10px; border: 1.5px solid; white-space: nowrap; }
        .chip.status-promotion { color: #8f1d14; background: var(--gap-bg); border-color: var(--gap); }
        .chip.status-attention { color: #7a4300; background: var(--warn-bg); border-color: var(--warn); border-style: dashed; }
        .chip.status-parity { color: var(--ok); background: var(--ok-bg); border-color: var(--ok); border-style: dotted; }
        .chip.status-incomplete { color: var(--muted); background: #f3f4f6; border-color: var(--faint); border-style: dotted; }
        .note { font-size: 13px; color: var(--muted); margin-top: 12px; }
        .ladder-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; }
        .eyebrow { margin: 0 0 2px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
        .ladder h2 { font-size: 24px; }
        .ladder h2 code.id { font-size: 13px; font-weight: 500; color: var(--muted); background: #f1f4f8; border-radius: 4px; padding: 1px 6px; vertical-align: middle; }
        .verdict { font-size: 16.5px; margin: 14px 0 12px; padding: 12px 16px; border-radius: 8px; background: #f6f8fb; border-left: 5px solid var(--faint); }
        .status-promotion .verdict { background: var(--gap-bg); border-left-color: var(--gap); }
        .status-attention .verdict { background: var(--warn-bg); border-left-color: var(--warn); }
        .status-parity .verdict { background: var(--ok-bg); border-left-color: var(--ok); }
        .facts { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 22px; padding: 0; margin: 0 0 6px; font-size: 13px; }
        .facts li span:first-child { color: var(--muted); margin-right: 4px; }
        .facts .n { display: inline; margin-right: 6px; }
        .ladder h3 { font-size: 17px; margin: 28px 0 8px; padding-top: 14px; border-top: 1px solid var(--line); }
        .explain { color: var(--muted); font-size: 13px; margin: 0 0 10px; max-width: 70em; }
        figure.chart { margin: 14px 0 6px; }
        figcaption { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 6px 18px; font-size: 13px; margin-bottom: 4px; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; color: var(--muted); font-size: 12px; }
        .legend span { display: inline-flex; align-items: center; gap: 5px; }
        .legend svg { flex: none; }
        svg.bands { display: block; width: 100%; height: auto; font-family: inherit; }
        svg.bands text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif; }
        .grid { stroke: #e4e8ef; stroke-width: 1; }
        .axis { stroke: #8e99a8; stroke-width: 1.2; }
        .tick { fill: var(--muted); font-size: 11px; }
        .axis-title { fill: var(--muted); font-size: 11.5px; }
        .slot { fill: #f7f9fb; }
        rect.ic { fill: var(--ic); }
        rect.mgmt { fill: url(#ll-mgmt); stroke: var(--mgmt); stroke-width: 1.3; }
        .mid-halo { stroke: #0b0f14; stroke-width: 5; }
        .mid { stroke: #ffffff; stroke-width: 1.8; }
        rect.gap { fill: url(#ll-gap); stroke: var(--gap); stroke-width: 1.6; }
        .peer-ref { stroke: var(--gap); stroke-width: 1.3; stroke-dasharray: 4 3; }
        rect.missing-ic { fill: #fff; stroke: var(--gap); stroke-width: 1.4; stroke-dasharray: 4 3; }
        .missing-ic-label { fill: var(--gap); font-size: 10.5px; font-weight: 700; }
        rect.missing-mgmt { fill: none; stroke: #b5bdc8; stroke-width: 1; stroke-dasharray: 2 3; }
        .missing-mgmt-label { fill: var(--faint); font-size: 10px; }
        .ratio { fill: var(--muted); font-size: 10.5px; }
        .ratio.gap-label { fill: var(--gap); font-weight: 700; font-size: 11px; }
        .grade-label { fill: var(--ink); font-size: 12px; font-weight: 700; }
        .level-label { fill: var(--muted); font-size: 10px; }
        table.bands { font-size: 12.5px; margin: 2px 0 22px; }
        table.bands th, table.bands td { padding: 4px 7px; }
        table.bands thead th { text-align: center; }
        table.bands thead th.num { text-align: right; }
        table.bands .ic-head { border-bottom: 3px solid var(--ic); color: var(--ic); }
        table.bands .mgmt-head { border-bottom: 3px dashed var(--mgmt); color: var(--mgmt); }
        table.bands tbody th { font-weight: 700; }
        table.bands .ids { color: var(--muted); font-size: 12px; }
        td.none { color: var(--faint); font-style: italic; text-align: center; }
        td.none.alert { color: var(--gap); font-weight: 700; font-style: normal; background: repeating-linear-gradient(45deg, #fff, #fff 5px, #fdf0ee 5px, #fdf0ee 10px); }
        td.gap-cell { background: var(--gap-bg); color: #8f1d14; font-weight: 700; }
        svg.up { fill: currentColor; margin-right: 4px; vertical-align: 0; }
        tr.has-gap > th { box-shadow: inset 4px 0 0 var(--gap); }
        .policy-block { margin: 12px 0 16px; }
        .policy-block h4 { font-size: 14px; margin: 0 0 6px; }
        table.policy { font-size: 13px; }
        table.policy tbody th { font-weight: 400; width: 24%; }
        table.policy tr.fails > th { box-shadow: inset 4px 0 0 var(--gap); }
        table.policy .parity-col { width: 25%; }
        code.sub { display: block; color: var(--faint); font-size: 11.5px; }
        .aud { display: flex; flex-direction: column; gap: 1px; }
        .aud .k { display: inline-block; min-width: 4.6em; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; }
        .ic-k { color: var(--ic); } .mgmt-k { color: var(--mgmt); } .tl-k { color: var(--muted); }
        .aud .none { color: var(--gap); }
        .aud .none.quiet { color: var(--faint); font-weight: 400; }
        .aud .written { color: var(--faint); font-size: 11.5px; }
        .mark { display: inline-block; font-size: 12px; border-radius: 5px; padding: 1px 7px; margin: 0 4px 3px 0; text-decoration: none; border: 1px solid; white-space: nowrap; }
        .mark.ok { color: var(--ok); background: var(--ok-bg); border-color: #b7dfc2; }
        .mark.fail.sev-error { color: #8f1d14; background: var(--gap-bg); border-color: var(--gap); font-weight: 700; }
        .mark.fail.sev-warning { color: #7a4300; background: var(--warn-bg); border-color: var(--warn); border-style: dashed; font-weight: 700; }
        .mark.note { color: var(--info); background: var(--info-bg); border-color: #c3cfdd; border-style: dotted; }
        .mark.waived { color: var(--muted); background: #f3f4f6; border-color: #cfd5dd; border-style: dashed; }
        .mark-line { margin: 4px 0; }
        ul.plain { list-style: none; padding: 0; margin: 4px 0; }
        ul.plain li { margin: 4px 0; font-size: 13px; }
        code.loc { color: var(--muted); white-space: nowrap; }
        table.survey { font-size: 13px; }
        table.survey tbody th { font-weight: 400; width: 32%; }
        .q-text { display: block; color: var(--muted); font-size: 12px; }
        .bar-col { width: 232px; }
        .survey-bar { display: block; }
        .survey-bar .track { fill: #eef1f5; stroke: #c9d1dc; stroke-width: 1; }
        .survey-bar .agree { fill: var(--ic); }
        .survey-bar .agree.above { fill: url(#ll-gap); stroke: var(--gap); stroke-width: 1.4; }
        .survey-bar .threshold { stroke: #0b0f14; stroke-width: 2.5; }
        .survey-bar .withheld { fill: #fff; stroke: var(--faint); stroke-dasharray: 3 3; }
        .survey-bar .withheld-label { fill: var(--muted); font-size: 10.5px; font-style: italic; }
        .status { font-size: 12.5px; font-weight: 600; white-space: nowrap; }
        .status.bad { color: var(--gap); } .status.ok { color: var(--ok); } .status.muted { color: var(--faint); font-weight: 400; }
        ul.rule-pills { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 6px 8px; }
        .rule-pill { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--line); border-radius: 6px; padding: 3px 8px; text-decoration: none; color: var(--ink); font-size: 12.5px; background: #fafbfd; }
        .rule-pill .n { color: var(--muted); }
        .rule-pill.all-waived { opacity: 0.7; border-style: dashed; }
        table.gaps { font-size: 13px; margin: 4px 0 16px; }
        table.gaps caption { font-weight: 600; color: var(--ink); }
        table.gaps td.none.alert { text-align: left; }
        .badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; border-radius: 4px; padding: 0 6px; border: 1px solid; }
        .badge.sev-error { color: #fff; background: var(--gap); border-color: var(--gap); }
        .badge.sev-warning { color: #7a4300; background: var(--warn-bg); border-color: var(--warn); }
        .badge.sev-info { color: var(--info); background: var(--info-bg); border-color: #c3cfdd; }
        article.rule { border: 1px solid var(--line); border-left: 5px solid var(--faint); border-radius: 8px; padding: 14px 18px; margin: 14px 0; }
        article.rule.sev-error { border-left-color: var(--gap); }
        article.rule.sev-warning { border-left: 5px double var(--warn); }
        article.rule.sev-info { border-left: 5px dotted var(--info); }
        article.rule.all-suppressed { border-left: 5px dashed var(--faint); }
        article.rule.all-suppressed .badge { color: var(--muted); background: #f3f4f6; border-color: var(--faint); }
        article.rule header { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
        article.rule h3 { font-size: 16px; }
        .rule-count { color: var(--muted); font-size: 13px; }
        .rule-summary { margin: 6px 0; font-weight: 600; }
        .rationale { font-size: 13px; color: #364152; background: #f7f9fb; border-radius: 6px; padding: 8px 12px; margin: 8px 0 10px; }
        .rationale h4 { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin-bottom: 2px; }
        .rationale p { margin: 4px 0; }
        table.finding-list { font-size: 13px; }
        table.finding-list td.where { width: 30%; }
        table.finding-list td.where code.loc { white-space: normal; overflow-wrap: break-word; display: block; }
        table.finding-list td:last-child { width: 20%; }
        table.finding-list tr.suppressed td { color: var(--muted); }
        .ladder-name { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
        .ladder-name code { color: var(--faint); }
        .open { font-weight: 700; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
        .open.sev-error { color: var(--gap); } .open.sev-warning { color: var(--warn); } .open.sev-info { color: var(--info); }
        .waiver { font-size: 12.5px; border: 1px dashed #b9c1cc; border-radius: 6px; padding: 4px 8px; background: #f8f9fb; }
        .waiver strong, .waiver span { display: block; }
        .waiver .expires { color: var(--ink); }
        .waiver .reason { font-style: italic; }
        .colophon { color: var(--muted); font-size: 12.5px; padding: 8px 0 40px; }
        .colophon h2 { font-size: 13px; margin: 14px 0 6px; }
        .files { columns: 3 18em; padding-left: 18px; margin: 0; }
        ul.families { list-style: none; padding: 0; margin: 6px 0 0; font-size: 13px; }
        ul.families li { margin: 2px 0; padding-left: 1.5em; text-indent: -1.5em; }
        .fam-mark { display: inline-block; width: 1.5em; text-indent: 0; font-weight: 700; }
        .fam-problem .fam-mark { color: var(--gap); } .fam-ok .fam-mark { color: var(--ok); }
        .fam-note .fam-mark { color: var(--info); } .fam-unchecked .fam-mark, .fam-unchecked { color: var(--muted); }
        .ladder ul.families { font-size: 14px; margin: 0 0 14px; }
        small.lid, code.lid { color: var(--faint); font-size: 0.82em; font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; }
        nav.toc { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 14px 28px; margin: 0 0 18px; font-size: 13.5px; }
        nav.toc ol { margin: 6px 0 0; padding-left: 20px; } nav.toc ol ol { columns: 2 16em; }
        ol.fix-list { padding-left: 24px; margin: 8px 0; }
        li.fix { margin: 0 0 10px; padding-left: 4px; }
        li.fix .change { font-size: 14px; }
        li.fix .fix-meta, li.fix .cost { display: block; font-size: 12.5px; color: var(--muted); }
        li.fix .cost { color: var(--ink); }
        li.fix .cost.muted { color: var(--muted); font-style: italic; }
        .cost-total { font-size: 14px; background: #f6f8fb; border-radius: 8px; padding: 8px 12px; }
        details { margin: 6px 0; }
        details > summary { cursor: pointer; padding: 4px 0; color: var(--ink); }
        details.zone > summary { font-size: 14px; }
        details.block > summary h3 { display: inline; border: none; margin: 0; padding: 0; }
        details.block { margin-top: 22px; padding-top: 10px; border-top: 1px solid var(--line); }
        .alert { color: var(--gap); font-weight: 600; }
        rect.t-base { fill: var(--ic); } rect.t-base.mgmt { fill: url(#ll-mgmt); stroke: var(--mgmt); stroke-width: 1; }
        rect.t-bonus { fill: #7aa0d4; } rect.t-bonus.mgmt { fill: #f2a57c; }
        rect.t-equity { fill: #c9d8ee; stroke: var(--ic); stroke-width: 0.8; stroke-dasharray: 2 2; } rect.t-equity.mgmt { fill: #fbe4d5; stroke: var(--mgmt); }
        svg.totals { display: block; width: 100%; height: auto; }
        svg.totals .axis { stroke: #9aa4b2; } svg.totals .grade { fill: var(--ink); font-size: 12px; font-weight: 700; }
        .stat.fixed { border-top-color: var(--ok); } .stat.fixed dd { color: var(--ok); }
        @media (max-width: 800px) {
          .stats { grid-template-columns: repeat(3, 1fr); }
          main > section { padding: 18px 16px; }
        }
        @media print {
          @page { size: A4; margin: 12mm 11mm; }
          body { background: #fff; font-size: 9.5pt; }
          .wrap, main { max-width: none; padding: 0; }
          .masthead { background: none; color: var(--ink); border-bottom: 1.5pt solid var(--ink); }
          .run { color: var(--muted); }
          main > section { border: none; box-shadow: none; border-radius: 0; padding: 0; margin: 0 0 8mm; }
          section.ladder, section.findings { break-before: page; }
          figure.chart, .policy-block, tr, article.rule header, .verdict, .stat { break-inside: avoid; }
          h2, h3, h4, figcaption, caption { break-after: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          .stats { grid-template-columns: repeat(6, 1fr); }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          /* The PDF is the short audit: folded sections print folded (open one to include it). */
          details > summary { list-style: none; } details > summary::-webkit-details-marker { display: none; }
          nav.toc { border: none; padding: 0; margin: 0 0 6mm; }
          section.ladder { break-before: auto; }
          li.fix, ul.families li { break-inside: avoid; }
          /* The summary table holds each ladder's family lines: printed once. */
          .ladder ul.families { display: none; }
        }

        """
}
