"""Reading rendered pages in tests: elements with their attributes and text, and text marked with a language."""

from html.parser import HTMLParser


class _Elements(HTMLParser):
    """Each element of a page with its attributes and the text inside it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self._open = [], []

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs), [])
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                return

    def handle_data(self, data):
        for element in self._open:
            element[2].append(data)


def parse(page: str) -> list:
    """Every element of `page` as (tag, attributes, text parts)."""
    parser = _Elements()
    parser.feed(page)
    return parser.elements


def elements(page: str, tag=None, css_class=None, **attrs) -> list[str]:
    """The text of each element with these attributes (and this tag and class, if given), spaces evened out."""
    return [
        " ".join("".join(parts).split())
        for name, found, parts in parse(page)
        if (tag is None or name == tag)
        and (css_class is None or css_class in (found.get("class") or "").split())
        and all(found.get(key) == value for key, value in attrs.items())
    ]


def marked(page: str, text: str, lang: str, direction: str, tag=None) -> bool:
    """`text` is inside an element (not the page's <html>) that declares its language and direction."""
    return any(
        name != "html" and (tag is None or name == tag) and found.get("lang") == lang and found.get("dir") == direction
        and text in "".join(parts)
        for name, found, parts in parse(page)
    )
