namespace LogTriage.Report;

/// <summary>The report page's one inline stylesheet: system fonts, readable on a phone, light and dark, print-friendly.</summary>
internal static class HtmlStyle
{
    public const string Css = """
:root {
  --fg: #1d2127; --muted: #5d6470; --bg: #ffffff; --panel: #f5f6f8; --line: #dde0e5; --link: #0b5cad;
  --critical: #a4161a; --error: #d1381f; --warning: #b26b00; --info: #2f6db5;
  color-scheme: light dark;
}
@media screen and (prefers-color-scheme: dark) {
  :root { --fg: #e3e6ea; --muted: #a0a7b2; --bg: #16181c; --panel: #20242a; --line: #343941; --link: #7db4f0;
          --critical: #ff6b6b; --error: #ff8a65; --warning: #f0b341; --info: #7fb0ee; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main, header.page, footer.page { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header.page { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .5rem; line-height: 1.3; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
h3 { font-size: 1.02rem; margin: 1.4rem 0 .4rem; }
a { color: var(--link); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; }
code { background: var(--panel); padding: .05em .3em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .75rem; margin: .25rem 0 0;
  white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.4; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
.verdict { font-size: 1.12rem; background: var(--panel); border-left: 4px solid var(--accent, var(--info)); padding: .8rem 1rem; border-radius: 0 6px 6px 0; margin: 1rem 0; }
.verdict.sev-critical { --accent: var(--critical); } .verdict.sev-error { --accent: var(--error); }
.verdict.sev-warning { --accent: var(--warning); } .verdict.sev-info { --accent: var(--info); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .6rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; letter-spacing: .03em; text-transform: uppercase;
  padding: .1em .5em; border-radius: 999px; color: #fff; vertical-align: middle; background: var(--info); }
.badge.sev-critical { background: var(--critical); } .badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); } .badge.sev-info { background: var(--info); }
@media screen and (prefers-color-scheme: dark) { .badge { color: #111; } }
.table-wrap { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
section.cause h2 .rank { color: var(--muted); font-weight: 400; }
section.cause h2 code { font-size: .8em; }
.timeline { display: block; max-width: 100%; height: auto; margin: .6rem 0; }
svg.sev-critical { color: var(--critical); } svg.sev-error { color: var(--error); }
svg.sev-warning { color: var(--warning); } svg.sev-info { color: var(--info); }
.ev { margin: .7rem 0; }
.ev .ctx { color: var(--muted); }
.ev .hit { font-weight: 600; }
.ev-meta { margin: 0; font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.ev-meta .loc { color: var(--fg); font-weight: 600; }
ol.fix li { margin: .3rem 0; }
.why { font-style: italic; }
ul.plain { padding-left: 1.2rem; margin: .3rem 0; }
ul.plain li { overflow-wrap: anywhere; }
.warning { border-left: 4px solid var(--warning); background: var(--panel); padding: .5rem .8rem; margin: .5rem 0; border-radius: 0 6px 6px 0; }
details summary { cursor: pointer; color: var(--link); }
footer.page { margin: 3rem auto 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .8rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dt { margin-top: .3rem; }
  th, td { padding: .3rem .35rem; }
}
@media print {
  body { font-size: 10pt; background: #fff; color: #000; }
  main, header.page, footer.page { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  .ev, .verdict, tr, svg { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  details summary { color: inherit; }
}
""";
}
