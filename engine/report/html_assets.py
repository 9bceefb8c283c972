"""The HTML report's style sheet and script, inlined so the page is one file.

Owns the look (article beside its findings on a wide screen, one under the
other on a narrow one; severities as colours that also differ in underline
style, so they do not rely on colour alone; the highlight a link jumps to is
outlined) and the severity filter: unticking a severity hides its findings
and clears the highlights that only it cites.  Both are constants: nothing
from the article is ever put here.
"""

CSS = """
:root { --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --bg: #fdfdfb; --fg: #1c1c1c; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 12px 24px; border-bottom: 1px solid #ddd; background: #fff; position: sticky; top: 0; z-index: 2; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0; word-break: break-all; }
.summary { margin: 0 0 6px; color: var(--muted); }
fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 16px; }
legend { float: left; margin-right: 8px; font-weight: 600; }
main { padding: 16px 24px; }
.file { margin-bottom: 32px; }
.meta, .notice { color: var(--muted); margin: 2px 0 8px; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
pre.article { white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.6 Georgia, "Times New Roman", serif;
  background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 16px 20px; margin: 0; }
a.hl { color: inherit; text-decoration: none; border-bottom: 2px solid; border-radius: 2px; }
a.hl.sev-error { background: #fbe3e1; border-color: var(--error); }
a.hl.sev-warning { background: #fdf0c8; border-color: var(--warning); border-bottom-style: dashed; }
a.hl.sev-info { background: #e3eefb; border-color: var(--info); border-bottom-style: dotted; }
a.hl.nested { box-shadow: inset 0 -3px 0 rgba(0,0,0,.15); }
a.hl.off { background: none; border-color: transparent; }
a.hl:hover, a.hl:focus { outline: 2px solid #333; }
.anchor:target + a.hl, li:target, div.note:target { outline: 3px solid #333; outline-offset: 2px; }
.side { position: sticky; top: 100px; max-height: calc(100vh - 120px); overflow: auto; }
ol.findings { list-style: none; padding: 0; margin: 0; }
.finding { background: #fff; border: 1px solid #ddd; border-left: 5px solid; border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding.sev-info { border-left-color: var(--info); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 12px; }
.sev-error .sev { color: var(--error); } .sev-warning .sev { color: var(--warning); } .sev-info .sev { color: var(--info); }
.rule { font-size: 13px; }
.where { color: var(--muted); font-size: 13px; }
.message { margin: 4px 0; }
ul.cites { margin: 4px 0; padding-left: 18px; font-size: 14px; }
q { font-family: Georgia, serif; }
.note { border-top: 1px dashed #ccc; margin-top: 6px; padding-top: 4px; font-size: 14px; }
.note p { margin: 0; }
details.suppressed { margin-top: 12px; color: var(--muted); font-size: 14px; }
.why { font-style: italic; }
.clean { color: var(--muted); }
"""

SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input'));
  function update() {
    var shown = {};
    boxes.forEach(function (b) { shown[b.getAttribute('data-severity')] = b.checked; });
    document.querySelectorAll('.finding').forEach(function (li) { li.hidden = !shown[li.getAttribute('data-severity')]; });
    document.querySelectorAll('a.hl').forEach(function (a) {
      var any = a.getAttribute('data-severities').split(' ').some(function (s) { return shown[s]; });
      a.classList.toggle('off', !any);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', update); });
  update();
})();
"""
