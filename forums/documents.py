"""Outcome documents: which files are accepted (by their content, not their name) and how they are named."""

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.utils.text import get_valid_filename

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt"}


@dataclass
class Detected:
    content_type: str
    extension: str


def detect_document_type(uploaded) -> Detected | None:
    """The type of a PDF, DOCX or ODT file from its bytes, or None for anything else."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return Detected(PDF, EXTENSIONS[PDF])
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return Detected(ODT, EXTENSIONS[ODT])
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                types = archive.read("[Content_Types].xml")
                if b"wordprocessingml.document.main+xml" in types:
                    return Detected(DOCX, EXTENSIONS[DOCX])
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    finally:
        uploaded.seek(0)
    return None


def safe_download_name(original: str, extension: str) -> str:
    """A plain ASCII file name with the right extension, safe in a Content-Disposition header."""
    stem = original.rsplit(".", 1)[0] if "." in original else original
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:80] or "document"
    return get_valid_filename(f"{stem}{extension}")
