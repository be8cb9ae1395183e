"""HTML: the page's main content as plain text, boilerplate dropped.

Boilerplate removal in the spirit of Kohlschütter et al. (2010, "Boilerplate detection using shallow text
features") reduced to rules: scripts, styles, navigation, headers, footers, asides, forms and iframes go; so
does any element whose id, class, role or aria-label names a menu, cookie banner, advert, newsletter or
sign-up box, sharing widget or breadcrumb. The main content is `<main>`, `<article>` or `[role=main]` when
present, else `<body>`. Headings become Markdown-style `## ` lines, list items `- ` lines (numbered `1. ` in
ordered lists), other blocks one paragraph each, separated by blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from osler.ingest.formats.common import Document, RecordError, check_text, decode_text, read_limited

DROP_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
    "template", "object", "embed", "select", "input", "dialog",
)  # fmt: skip
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|cookie|cookies|consent|gdpr|banner|advert|adverts|ads|ad|sponsor|sponsored|"
    r"promo|newsletter|signup|sign-up|subscribe|subscription|social|share|sharing|breadcrumbs?|popup|modal|"
    r"related|sidebar|footer|header|comments?|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "pre", "blockquote", "dd", "dt", "figcaption", "td", "th", "caption", "address", "summary"}
CONTAINERS = {
    "div", "section", "article", "main", "body", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
    "details", "figure", "center", "li",
}  # fmt: skip
_SPACE = re.compile(r"\s+")


def _is_boilerplate(node: Any) -> bool:
    attrs = node.attributes or {}
    label = " ".join(str(attrs.get(k) or "") for k in ("id", "class", "role", "aria-label"))
    return bool(label.strip()) and BOILERPLATE.search(label) is not None


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _walk(node: Any, out: list[str], ordered: list[int] | None = None) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = _clean(" ".join(inline))
        if text:
            out.append(text)
        inline.clear()

    counter = [0]
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            inline.append(child.text(deep=False))
        elif tag in HEADINGS:
            flush()
            text = _clean(child.text(deep=True, separator=" "))
            if text:
                out.append("#" * int(tag[1]) + " " + text)
        elif tag == "li":
            flush()
            counter[0] += 1
            items: list[str] = []
            _walk(child, items, None)
            if items:
                marker = f"{counter[0]}." if node.tag == "ol" else "-"
                out.append(f"{marker} {items[0]}")
                out.extend(items[1:])
        elif tag in BLOCKS:
            flush()
            text = _clean(child.text(deep=True, separator=" "))
            if text:
                out.append(text)
        elif tag in CONTAINERS:
            flush()
            _walk(child, out)
        elif tag == "br":
            flush()
        else:
            inline.append(child.text(deep=True, separator=" "))
    flush()


def html_to_text(html: str) -> tuple[str, str]:
    """The title and the main-content text of an HTML page."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node else ""
    for tag in DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("[id], [class], [role], [aria-label]"):
        if node.tag not in ("body", "html", "main", "article") and _is_boilerplate(node):
            node.decompose()
    root = tree.css_first("main") or tree.css_first("article") or tree.css_first("[role=main]") or tree.body
    blocks: list[str] = []
    if root is not None:
        _walk(root, blocks)
    if not title:
        h1 = tree.css_first("h1")
        title = _clean(h1.text()) if h1 else ""
    return title, "\n\n".join(blocks) + ("\n" if blocks else "")


def read_html(path: Path) -> Iterator[Document | RecordError]:
    """An HTML page as one document holding its main content."""
    title, text = html_to_text(decode_text(read_limited(path), path))
    check_text(text, path)
    yield Document(title=title or path.stem, text=text, format="html", kind="consumer_page", path=str(path))
