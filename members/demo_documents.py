"""Small real documents made from text with the standard library, for the demo library: a PDF (Latin script) and
an ODT (any script, e.g. Dari and Pashto right to left). Both pass the library's upload checks (members/uploads.py)."""

import io
import textwrap
import zipfile
from xml.sax.saxutils import escape

# A4 in points; 10-point Helvetica, about 90 characters a line, 50 lines a page.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 595, 842, 56
LINE_HEIGHT, LINE_CHARACTERS = 14, 90
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT
# PDF's standard fonts know Windows-1252 only: typographic punctuation is written in plain ASCII.
_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def _pdf_text(text: str) -> bytes:
    raw = text.translate(_PLAIN).encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_lines(title: str, paragraphs: list[str]) -> list[tuple[str, str]]:
    """(font, text) per line: the title in bold, each paragraph wrapped, a blank line between."""
    lines = [("F2", line) for line in textwrap.wrap(title, LINE_CHARACTERS - 20)] + [("F1", "")]
    for paragraph in paragraphs:
        lines += [("F1", line) for line in textwrap.wrap(paragraph, LINE_CHARACTERS)] + [("F1", "")]
    return lines


def pdf_document(title: str, paragraphs: list[str]) -> bytes:
    """A PDF of `title` and `paragraphs`, over as many pages as they take."""
    lines = _pdf_lines(title, paragraphs)
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    first_page = 5  # 1 catalog, 2 page tree, 3 and 4 fonts, then a page and its content for each page
    page_ids = [first_page + 2 * n for n in range(len(pages))]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids) + b"] /Count %d >>" % len(pages),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    }
    for page_id, page in zip(page_ids, pages, strict=True):
        stream = [b"BT", b"%d TL" % LINE_HEIGHT, b"%d %d Td" % (MARGIN, PAGE_HEIGHT - MARGIN)]
        for font, text in page:
            stream.append(b"/%s %d Tf (%s) Tj T*" % (font.encode(), 12 if font == "F2" else 10, _pdf_text(text)))
        stream.append(b"ET")
        content = b"\n".join(stream)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            b"/Contents %d 0 R >>" % (PAGE_WIDTH, PAGE_HEIGHT, page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    info_id = max(objects) + 1
    objects[info_id] = b"<< /Title (%s) /Producer (CTIP Network Portal demo) >>" % _pdf_text(title)

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, objects[number]))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (info_id + 1))
    for number in range(1, info_id + 1):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (info_id + 1, info_id, xref))
    return out.getvalue()


ODT = "application/vnd.oasis.opendocument.text"
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
 <office:automatic-styles>
  <style:style style:name="LTR" style:family="paragraph">
   <style:paragraph-properties style:writing-mode="lr-tb" fo:margin-bottom="0.25cm"/>
   <style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="RTL" style:family="paragraph">
   <style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="end" fo:margin-bottom="0.25cm"/>
   <style:text-properties style:font-size-complex="14pt"/>
  </style:style>
  <style:style style:name="LTRTitle" style:family="paragraph" style:parent-style-name="LTR">
   <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="RTLTitle" style:family="paragraph" style:parent-style-name="RTL">
   <style:text-properties style:font-size-complex="17pt" style:font-weight-complex="bold"/>
  </style:style>
 </office:automatic-styles>
 <office:body><office:text>
{body}
 </office:text></office:body>
</office:document-content>
"""


def odt_document(sections: list[tuple[str, str, list[str]]]) -> bytes:
    """An ODT text of `sections`, each (direction "ltr" or "rtl", heading, paragraphs)."""
    body = []
    for direction, heading, paragraphs in sections:
        style = "RTL" if direction == "rtl" else "LTR"
        body.append(f'  <text:h text:style-name="{style}Title" text:outline-level="1">{escape(heading)}</text:h>')
        body += [f'  <text:p text:style-name="{style}">{escape(paragraph)}</text:p>' for paragraph in paragraphs]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # The first entry, uncompressed: how readers (and members/uploads.py) recognise an ODT.
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        archive.writestr("content.xml", _CONTENT.format(body="\n".join(body)))
    return out.getvalue()
