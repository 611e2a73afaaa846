"""RSS 2.0 and Atom feeds: one document per item, with its title, link, date and source."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree

from eventscope.errors import MalformedRecord

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def feed_items(xml: str, origin: str) -> Iterator[dict[str, str | None]]:
    """Items as dicts (id, title, text, date, url, source); the text is the item's HTML made plain."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise MalformedRecord(f"malformed feed {origin}: {exc}") from exc
    if root.tag == f"{ATOM}feed":
        source = _text(root.find(f"{ATOM}title"))
        for entry in root.iter(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link")
            yield {
                "id": _text(entry.find(f"{ATOM}id")),
                "title": _text(entry.find(f"{ATOM}title")),
                "text": _plain(_text(entry.find(f"{ATOM}content")) or _text(entry.find(f"{ATOM}summary"))),
                "date": _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated")),
                "url": link.get("href") if link is not None else None,
                "source": source,
            }
    elif root.tag == "rss" or root.find("channel") is not None:
        channel = root.find("channel")
        source = _text(channel.find("title")) if channel is not None else None
        for item in root.iter("item"):
            yield {
                "id": _text(item.find("guid")) or _text(item.find("link")),
                "title": _text(item.find("title")),
                "text": _plain(_text(item.find(CONTENT)) or _text(item.find("description"))),
                "date": _text(item.find("pubDate")),
                "url": _text(item.find("link")),
                "source": source,
            }
    else:
        raise MalformedRecord(f"{origin} is XML but neither an RSS nor an Atom feed")


def _text(element: ElementTree.Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _plain(html: str | None) -> str:
    """Feed bodies are HTML fragments: paragraphs become lines, tags go."""
    if not html:
        return ""
    if "<" not in html:
        return html
    import lxml.html

    fragment = lxml.html.fromstring(f"<div>{html}</div>")
    for block in fragment.iter("p", "br", "li", "h1", "h2", "h3", "div"):
        block.tail = "\n" + (block.tail or "")
    return fragment.text_content()
