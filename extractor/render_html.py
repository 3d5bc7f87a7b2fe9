"""ContractReport -> one self-contained HTML page (no scripts, no external resources)."""

from __future__ import annotations

from html import escape

from extractor.report import ContractReport, Flag
from extractor.taxonomy import CATEGORIES

_STYLE = ("body{font:14px/1.45 system-ui,sans-serif;max-width:70em;margin:2em auto;color:#222}"
          "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}"
          ".high{color:#a00}.medium{color:#a60}.missing{color:#a00;font-weight:bold}.review{background:#fff6d5}"
          "blockquote{margin:.3em 0 .3em 1.5em;color:#444}")


def _party(report: ContractReport, role: str) -> str:
    p = report.parties.get(role)
    return escape(str(p["name"])) if p else f"unknown (set it with --{role})"


def _flag(flag: Flag) -> str:
    reason = f" [{escape(flag.reason)}]" if flag.reason else ""
    quotes = "".join(f"<blockquote>p.{e.page} ¶{e.paragraph}: {escape(e.quote)}</blockquote>" for e in flag.evidence)
    return (f'<li class="{escape(flag.severity)}"><b>{escape(flag.id)}</b> ({escape(flag.severity)}){reason}: '
            f"{escape(flag.message)}{quotes}</li>")


def render_html(report: ContractReport, show_paragraphs: bool = True) -> str:
    """The readable report as HTML: categories, flags with evidence, key terms, paragraphs."""
    cats = report.categories()
    rows = "".join(
        f"<tr><td>{c}</td><td>{len(cats[c]['paragraphs'])} paragraph(s)</td></tr>" if cats[c]["present"]
        else f'<tr><td>{c}</td><td class="missing">MISSING</td></tr>' for c in CATEGORIES)
    terms = "".join(f"<tr><td>{escape(t.id)}</td><td>{escape(t.value)}</td></tr>" for t in report.terms)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(report.file)}</title>",
             f"<style>{_STYLE}</style></head><body><h1>{escape(report.file)}</h1>",
             f"<p>pages: {report.pages} · paragraphs: {len(report.paragraphs)} · model: "
             f"{escape(report.model['name'])} {escape(report.model['version'])}</p>",
             f"<p>provider: {_party(report, 'provider')}<br>client: {_party(report, 'client')}</p>",
             *(f"<p>warning: {escape(w)}</p>" for w in report.warnings),
             f"<h2>Clause categories</h2><table>{rows}</table>",
             f"<h2>Flags ({len(report.flags)})</h2><ul>{''.join(_flag(f) for f in report.flags) or '<li>none</li>'}</ul>",
             f"<h2>Key terms</h2><table>{terms}</table>"]
    if show_paragraphs:
        body = "".join(
            f'<tr{" class=review" if p.needs_review else ""}><td>¶{p.id}</td><td>{p.page}</td><td>{p.label}</td>'
            f"<td>{p.confidence:.2f}</td><td>{escape(p.text)}</td></tr>" for p in report.paragraphs)
        parts.append(f"<h2>Paragraphs</h2><table><tr><th>¶</th><th>page</th><th>label</th><th>conf.</th>"
                     f"<th>text</th></tr>{body}</table>")
    return "".join(parts) + "</body></html>\n"
