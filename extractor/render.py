"""ContractReport -> terminal text or Markdown. No analysis here."""

from __future__ import annotations

from extractor.report import ContractReport, Flag
from extractor.taxonomy import CATEGORIES

TEXT_WIDTH = 110


def _pages(pages: list[int]) -> str:
    return ", ".join(str(p) for p in sorted(set(pages))[:12]) or "-"


def _party(report: ContractReport, role: str) -> str:
    p = report.parties.get(role)
    if not p:
        return "unknown (set it with --" + role + ")"
    terms = [t for t in p["terms"] if t != p["name"]]
    return f"{p['name']}" + (f" ({', '.join(terms)})" if terms else "")


def _flag_lines(flag: Flag, md: bool) -> list[str]:
    reason = f" [{flag.reason}]" if flag.reason else ""
    what = f"({flag.severity}){reason}: {flag.message}"
    head = f"- **{flag.id}** {what}" if md else f"  ! {flag.id} {what}"
    lines = [head]
    for ev in flag.evidence:
        quote = ev.quote if len(ev.quote) < 220 else ev.quote[:219] + "…"
        lines.append(f"    - p.{ev.page} ¶{ev.paragraph}: \"{quote}\"" if md else f"      p.{ev.page} ¶{ev.paragraph}: \"{quote}\"")
    if flag.searched and flag.reason == "absent":
        lines.append(f"    searched all {flag.searched.get('paragraphs')} paragraphs"
                     f" (expected in: {', '.join(flag.searched.get('categories', []))})")
    return lines


def render_text(report: ContractReport, markdown: bool = False, show_paragraphs: bool = True) -> str:
    """The readable report: categories, flags with evidence, key terms, then every paragraph."""
    h = (lambda s: f"\n## {s}\n") if markdown else (lambda s: f"\n{s}\n{'-' * len(s)}")
    cats = report.categories()
    out = [f"# {report.file}" if markdown else f"Contract: {report.file}",
           f"pages: {report.pages}   paragraphs: {len(report.paragraphs)}   model: {report.model['name']} {report.model['version']}",
           f"provider: {_party(report, 'provider')}", f"client:   {_party(report, 'client')}"]
    out += [f"warning: {w}" for w in report.warnings]
    out.append(h("Clause categories"))
    for cat in CATEGORIES:
        ids = cats[cat]["paragraphs"]
        wanted = set(ids)
        pages = [p.page for p in report.paragraphs if p.id in wanted]
        status = f"present  {len(ids):>3} paragraph(s), pages {_pages(pages)}" if ids else "MISSING"
        out.append(f"- {cat}: {status}" if markdown else f"  {cat:<20} {status}")
    out.append(h(f"Flags ({len(report.flags)})"))
    for flag in report.flags:
        out += _flag_lines(flag, markdown)
    if not report.flags:
        out.append("  none")
    out.append(h("Key terms"))
    for term in report.terms:
        page = f" (p.{term.evidence[0].page})" if term.evidence else ""
        out.append(f"  {term.id:<28} {term.value}{page}")
    if show_paragraphs:
        out.append(h("Paragraphs"))
        for p in report.paragraphs:
            review = " needs review" if p.needs_review else ""
            text = p.text if len(p.text) <= TEXT_WIDTH else p.text[: TEXT_WIDTH - 1] + "…"
            out.append(f"  ¶{p.id:<4} p.{p.page:<3} {p.label:<19} {p.confidence:.2f}{review}")
            out.append(f"        {text}")
    return "\n".join(out) + "\n"
