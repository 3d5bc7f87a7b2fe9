#!/usr/bin/env python3
"""Measure how faithfully the reader turns a folder of PDFs into paragraphs.

Usage: python scripts/pdf_quality.py DIR [--jobs N] [--json OUT] [--verbose] [--check]

The yardstick is pdfplumber's bare ``extract_text()`` of each page, analysed here with its
own simple rules (independent of extractor/furniture.py and extractor/paragraphs.py):

* furniture: a line among the first or last three lines of a page whose digit-blind text
  recurs there on at least 3 pages and 20% of the pages, or a bare page number;
* body words: every word of the other lines (line-end hyphens joined, hyphens ignored);
* words reached: body words found again in the paragraphs (text plus each heading once),
  counted as a multiset;
* leaks: furniture lines with letters in them whose words appear in the paragraphs of their
  page more often than the body text of that page and its neighbours explains;
* page-break sentences: a page whose last body line is prose (most words lower-case) and ends
  mid-sentence (a lower-case letter, comma or hyphen) and whose next page does not open with a
  clause number; re-joined when the last four words before the break and the first four after
  it sit together in one paragraph.

Targets (issue 4): >= 98% words reached, <= 2% leaks, >= 90% page-break sentences re-joined.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from extractor.document import ExtractedDocument
from extractor.errors import ExtractorError
from extractor.pdf import iter_page_texts
from extractor.reader import read_document
from extractor.textnorm import normalize

TARGETS = {"words": 0.98, "leak": 0.02, "rejoined": 0.90}
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_PAGE_NO = re.compile(r"^(?:page\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_OPENS_CLAUSE = re.compile(
    r"^(?:\(?[0-9a-zA-Z]{1,4}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|(?:article|section|schedule|exhibit|annex)\b)", re.I
)
_MID_SENTENCE = re.compile(r"(?:[a-z,]|[a-z]-)$")
EDGE = 3


def tokens(text: str) -> list[str]:
    """Lower-case words with hyphens removed, so 'third-party' and 'termi-'+'nation' compare well."""
    return [t.replace("-", "") for t in _TOKEN.findall(normalize(text).lower())]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", "".join(line.lower().split()))


def furniture_keys(pages: list[list[str]]) -> set[str]:
    """Digit-blind texts that recur among the first/last lines of enough pages."""
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_key(ln) for ln in lines[:EDGE] + lines[-EDGE:]})
    need = max(3, round(0.2 * len(pages))) if len(pages) >= 4 else 2
    return {k for k, n in seen.items() if n >= need and len(pages) > 1}


def split_page(lines: list[str], keys: set[str]) -> tuple[list[str], list[str]]:
    """(body lines, furniture lines) of one raw page."""
    body, furniture = [], []
    for i, ln in enumerate(lines):
        edge = i < EDGE or i >= len(lines) - EDGE
        if edge and (_key(ln) in keys or _PAGE_NO.match(ln.strip())):
            furniture.append(ln)
        else:
            body.append(ln)
    return body, furniture


def body_tokens(lines: list[str]) -> list[str]:
    """Tokens of body lines, with a line-end hyphen joined to the next line."""
    text = ""
    for ln in lines:
        text = text[:-1] + ln if re.search(r"[a-z]-$", text) and ln[:1].islower() else f"{text}\n{ln}"
    return tokens(text)


def _count(hay: list[str], needle: list[str]) -> int:
    n = len(needle)
    return sum(1 for i in range(len(hay) - n + 1) if hay[i] == needle[0] and hay[i : i + n] == needle) if n else 0


def _contains(hay: list[str], needle: list[str]) -> bool:
    return _count(hay, needle) > 0


def _leaked(page: int, line: str, by_page: dict[int, list[str]], raw_bodies: list[list[str]]) -> bool:
    """The furniture line's words occur in its page's paragraphs more often than body text explains."""
    words = tokens(line)
    near = [t for n in (page - 1, page, page + 1) if 0 < n <= len(raw_bodies) for t in body_tokens(raw_bodies[n - 1])]
    return _count(by_page.get(page, []), words) > _count(near, words)


def _prose(line: str) -> bool:
    """Running text rather than a title: most of its words start in lower case."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].islower() for w in words) >= len(words) / 2


def page_breaks(bodies: list[list[str]]) -> list[tuple[int, list[str]]]:
    """(page, words around the break) for each sentence that a page break cuts."""
    out = []
    for i in range(len(bodies) - 1):
        if not bodies[i] or not bodies[i + 1]:
            continue
        last, first = bodies[i][-1].strip(), bodies[i + 1][0].strip()
        if _MID_SENTENCE.search(last) and _prose(last) and not _OPENS_CLAUSE.match(first):
            out.append((i + 1, body_tokens([last])[-4:] + body_tokens([first])[:4]))
    return out


def _paragraph_tokens(doc: ExtractedDocument) -> tuple[Counter[str], dict[int, list[str]], list[list[str]]]:
    words: Counter[str] = Counter()
    by_page: dict[int, list[str]] = {}
    streams = []
    last_heading = None
    for p in doc.paragraphs:
        stream = tokens(p.text)
        streams.append(stream)
        words.update(stream)
        if p.heading and p.heading != last_heading:
            words.update(tokens(p.heading))
            last_heading = p.heading
        for page in p.pages:
            by_page.setdefault(page, []).extend(stream + ["\0"])
    return words, by_page, streams


def measure(path: Path) -> dict[str, object]:
    """All the figures for one PDF."""
    start = time.perf_counter()
    raw = [[ln for ln in text.split("\n") if ln.strip()] for text in iter_page_texts(path)]
    try:
        doc = read_document(path)
    except ExtractorError as exc:
        return {"file": path.name, "error": exc.reason}
    keys = furniture_keys(raw)
    split = [split_page(lines, keys) for lines in raw]
    body: Counter[str] = Counter(t for b, _ in split for t in body_tokens(b))
    words, by_page, streams = _paragraph_tokens(doc)
    furniture = [(n, f) for n, (_, fs) in enumerate(split, 1) for f in fs if sum(c.isalpha() for c in f) >= 3]
    leaked = [f for n, f in furniture if _leaked(n, f, by_page, [b for b, _ in split])]
    breaks = page_breaks([b for b, _ in split])
    missed = [(n, " ".join(w)) for n, w in breaks if not any(_contains(s, w) for s in streams)]
    return {
        "file": path.name, "pages": doc.pages, "paragraphs": len(doc.paragraphs),
        "seconds": round(time.perf_counter() - start, 2),
        "body_words": sum(body.values()), "reached": sum(min(n, words[w]) for w, n in body.items()),
        "furniture_lines": len(furniture), "leaked": len(leaked), "breaks": len(breaks),
        "rejoined": len(breaks) - len(missed),
        "examples": {"leaked": sorted(set(leaked))[:5], "missed_breaks": missed[:5],
                     "lost_words": [w for w, n in (body - words).most_common(8)]},
    }


def _ratio(a: float, b: float, empty: float) -> float:
    return a / b if b else empty


def summarise(rows: list[dict[str, object]]) -> dict[str, float]:
    """Corpus-wide figures (sums over files, not averages of ratios)."""
    ok = [r for r in rows if "error" not in r]

    def total(key: str) -> float:
        return float(sum(r[key] for r in ok))  # type: ignore[misc]

    return {
        "files": len(rows), "failed": len(rows) - len(ok),
        "words": _ratio(total("reached"), total("body_words"), 1.0),
        "leak": _ratio(total("leaked"), total("furniture_lines"), 0.0),
        "rejoined": _ratio(total("rejoined"), total("breaks"), 1.0),
        "min_paragraphs": min((float(r["paragraphs"]) for r in ok), default=0.0),  # type: ignore[arg-type]
        "max_seconds": max((float(r["seconds"]) for r in ok), default=0.0),  # type: ignore[arg-type]
    }


def _print(rows: list[dict[str, object]], summary: dict[str, float], verbose: bool) -> None:
    print(f"{'file':44} {'pages':>5} {'paras':>5} {'words':>7} {'leak':>9} {'rejoined':>9} {'sec':>5}")
    for r in rows:
        if "error" in r:
            print(f"{str(r['file'])[:44]:44} refused: {r['error']}")
            continue
        words = _ratio(r["reached"], r["body_words"], 1.0)  # type: ignore[arg-type]
        print(f"{str(r['file'])[:44]:44} {r['pages']:>5} {r['paragraphs']:>5} {words:>7.1%} "
              f"{r['leaked']:>4}/{r['furniture_lines']:<4} {r['rejoined']:>4}/{r['breaks']:<4} {r['seconds']:>5}")
        if verbose:
            for kind, items in r["examples"].items():  # type: ignore[union-attr]
                if items:
                    print(f"    {kind}: {items}")
    print(f"\nwords reached {summary['words']:.2%} (target >= 98%), furniture leaked {summary['leak']:.2%} "
          f"(<= 2%), page-break sentences re-joined {summary['rejoined']:.2%} (>= 90%); "
          f"fewest paragraphs {summary['min_paragraphs']:.0f}, slowest {summary['max_seconds']:.1f} s")


def meets_targets(summary: dict[str, float]) -> bool:
    """True when the corpus figures meet the issue's acceptance targets."""
    return (summary["failed"] == 0 and summary["words"] >= TARGETS["words"]
            and summary["leak"] <= TARGETS["leak"] and summary["rejoined"] >= TARGETS["rejoined"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--verbose", "-v", action="store_true", help="show leaked lines, missed breaks, lost words")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() == ".pdf")
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(measure, files))
    summary = summarise(rows)
    _print(rows, summary, args.verbose)
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "files": rows}, indent=2), encoding="utf-8")
    return 1 if args.check and not meets_targets(summary) else 0


if __name__ == "__main__":
    sys.exit(main())
