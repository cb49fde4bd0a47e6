"""Uploaded documents (forum outcome documents, library files): which files are accepted (by their content, not
their name) and how they are named."""

import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.utils.text import get_valid_filename
from PIL import Image

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# A DOCX or ODT file is a zip archive. A zip bomb of a few hundred KB unpacks to gigabytes, so an archive is
# judged by its directory (what each entry declares) before anything is unpacked, and only small parts are
# read, with a bound. Real documents stay far below these limits: a few dozen entries, rarely 10x compression.
MAX_ZIP_ENTRIES = 1000
MAX_ZIP_ENTRY_BYTES = 32 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100  # unpacked size / packed size, checked once the total passes 1 MB
MAX_PART_BYTES = 1024 * 1024  # the parts read to recognise a document: "mimetype", "[Content_Types].xml"

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt"}

# Images (the library's posters and leaflets): recognised by their header and checked by Pillow without decoding
# the pixels; at most this many pixels wide and high (a 6000×6000 image is 144 MB once a browser decodes it).
PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
GIF = "image/gif"
IMAGE_FORMATS = {"PNG": PNG, "JPEG": JPEG, "WEBP": WEBP, "GIF": GIF}  # Pillow's name -> content type
IMAGE_EXTENSIONS = {PNG: ".png", JPEG: ".jpg", WEBP: ".webp", GIF: ".gif"}
MAX_IMAGE_PIXELS = 6000


@dataclass
class Detected:
    content_type: str
    extension: str


class UnreadableDocument(ValueError):
    """A zip archive (DOCX, ODT) too large or too compressed to unpack safely: possibly a zip bomb."""


class ImageTooLarge(ValueError):
    """An image wider or higher than MAX_IMAGE_PIXELS (its size, when Pillow did not refuse to read it)."""

    def __init__(self, width: int | None = None, height: int | None = None):
        super().__init__(width, height)
        self.width, self.height = width, height


def detect_document_type(uploaded) -> Detected | None:
    """The type of a PDF, DOCX or ODT file from its bytes, or None for anything else.

    Raises UnreadableDocument for a zip archive over the limits above (see open_zip).
    """
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return Detected(PDF, EXTENSIONS[PDF])
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with open_zip(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and read_part(archive, "mimetype").strip() == ODT.encode():
                return Detected(ODT, EXTENSIONS[ODT])
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                types = read_part(archive, "[Content_Types].xml")
                if b"wordprocessingml.document.main+xml" in types:
                    return Detected(DOCX, EXTENSIONS[DOCX])
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    finally:
        uploaded.seek(0)
    return None


def detect_image_type(uploaded) -> Detected | None:
    """The type of a PNG, JPEG, WebP or GIF image from its bytes, or None for anything else (an SVG, a damaged
    image, a file that only starts like one).

    Only the header and the file's structure are read (Pillow's verify()), never the pixels; raises ImageTooLarge
    for an image over MAX_IMAGE_PIXELS on a side, before Pillow does anything more with it.
    """
    uploaded.seek(0)
    head = uploaded.read(12)
    uploaded.seek(0)
    known = head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    )
    if not known:
        return None
    try:
        with warnings.catch_warnings():
            # Pillow warns (and over twice its limit refuses) when a header declares a huge image.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded, formats=list(IMAGE_FORMATS)) as image:
                width, height = image.size
                if width > MAX_IMAGE_PIXELS or height > MAX_IMAGE_PIXELS:
                    raise ImageTooLarge(width, height)
                image_format = image.format
                image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageTooLarge from None
    except ImageTooLarge:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error for a damaged or disguised file
        return None
    finally:
        uploaded.seek(0)
    content_type = IMAGE_FORMATS.get(image_format)
    return Detected(content_type, IMAGE_EXTENSIONS[content_type]) if content_type else None


def open_zip(uploaded) -> zipfile.ZipFile:
    """An uploaded zip archive, opened only if its directory is within the limits; raises UnreadableDocument.

    Every place that opens an uploaded zip goes through here. The entries are counted before the archive
    is opened, because opening builds an object per entry (a 10 MB upload can list 200,000 of them: 60 MB
    and seconds of work). Each entry of the directory starts with the signature counted, so the count is
    never below the number of entries that zipfile will find.
    """
    if _count(uploaded, b"PK\x01\x02") > MAX_ZIP_ENTRIES:
        raise UnreadableDocument
    archive = zipfile.ZipFile(uploaded)
    entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if (
        any(entry.file_size > MAX_ZIP_ENTRY_BYTES for entry in entries)
        or unpacked > MAX_ZIP_TOTAL_BYTES
        or unpacked > max(MAX_ZIP_RATIO * packed, 1024 * 1024)
    ):
        archive.close()
        raise UnreadableDocument
    return archive


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small part of an archive, read with a bound whatever size it declares; raises UnreadableDocument."""
    with archive.open(name) as part:
        data = part.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise UnreadableDocument
    return data


def _count(uploaded, signature: bytes, chunk_size: int = 1024 * 1024) -> int:
    """How often `signature` occurs in an uploaded file, read a chunk at a time."""
    uploaded.seek(0)
    count, tail = 0, b""
    while chunk := uploaded.read(chunk_size):
        data = tail + chunk
        count += data.count(signature)
        tail = data[-(len(signature) - 1) :]  # too short to hold the signature: nothing is counted twice
    uploaded.seek(0)
    return count


def safe_download_name(original: str, extension: str) -> str:
    """A plain ASCII file name with the right extension, safe in a Content-Disposition header."""
    stem = original.rsplit(".", 1)[0] if "." in original else original
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:80] or "document"
    return get_valid_filename(f"{stem}{extension}")
