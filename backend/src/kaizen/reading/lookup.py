"""Metadata for an arXiv id, a DOI or an ISBN from arXiv's Atom API, Crossref and Open
Library. The HTTP client is passed in, so tests hand over an ``httpx.MockTransport``; any
network trouble becomes a quick 502/504 and the page falls back to manual entry."""

import re
import xml.etree.ElementTree as ET  # expat (>= 2.4.1) refuses entity expansion attacks
from collections.abc import Iterator
from typing import Any

import httpx

from kaizen.errors import AppError, NotFound, field_error
from kaizen.reading import formats
from kaizen.reading.schemas import LookupResult

TIMEOUT = httpx.Timeout(5.0, connect=3.0)
USER_AGENT = "Kaizen/0.1 (self-hosted reading queue; https://github.com/)"
ATOM = {"a": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}


def http_client() -> Iterator[httpx.Client]:
    """The FastAPI dependency: a short-timeout client (tests override it with a mock)."""
    with httpx.Client(timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}) as client:
        yield client


def identify(identifier: str) -> tuple[str, str]:
    """``("arxiv" | "doi" | "isbn", value)`` for what the user pasted, else a 422."""
    text = identifier.strip()
    doi = formats.clean_doi(text)
    if doi:
        return "doi", doi
    arxiv = formats.find_arxiv_id(text)
    if arxiv and (
        re.fullmatch(r"(arxiv:)?" + re.escape(arxiv) + r"(v\d+)?", text, re.I)
        or "arxiv.org" in text.lower()
    ):
        return "arxiv", arxiv
    digits = re.sub(r"^isbn[:\s]*|[\s-]", "", text, flags=re.I)
    if re.fullmatch(r"\d{9}[\dXx]|\d{13}", digits):
        return "isbn", digits.upper()
    raise field_error("identifier", "Give an arXiv id or link, a DOI (or doi.org link) or an ISBN")


def _get(client: httpx.Client, source: str, url: str, params: dict[str, str]) -> httpx.Response:
    try:
        response = client.get(url, params=params, timeout=TIMEOUT)
    except httpx.TimeoutException as exc:
        raise AppError(504, f"{source} did not answer in time") from exc
    except httpx.HTTPError as exc:
        raise AppError(502, f"Could not reach {source}") from exc
    if response.status_code == 404:
        raise NotFound(f"{source} record")
    if response.status_code != 200:
        raise AppError(502, f"{source} answered with an error ({response.status_code})")
    return response


def lookup(client: httpx.Client, identifier: str) -> LookupResult:
    kind, value = identify(identifier)
    try:
        if kind == "arxiv":
            return _arxiv(client, value)
        if kind == "doi":
            return _crossref(client, value)
        return _open_library(client, value)
    except (ValueError, KeyError, TypeError, IndexError, ET.ParseError) as exc:
        raise AppError(502, "The metadata service sent something unreadable") from exc


def _arxiv(client: httpx.Client, arxiv_id: str) -> LookupResult:
    response = _get(
        client,
        "arXiv",
        "https://export.arxiv.org/api/query",
        {"id_list": arxiv_id, "max_results": "1"},
    )
    feed = ET.fromstring(response.content)  # noqa: S314 - expat guards against entity bombs
    entry = feed.find("a:entry", ATOM)
    title = entry.findtext("a:title", "", ATOM) if entry is not None else ""
    if (
        entry is None
        or not title.strip()
        or entry.findtext("a:id", "", ATOM).endswith("/api/errors")
    ):
        raise NotFound("arXiv record")
    authors = [
        " ".join(a.findtext("a:name", "", ATOM).split()) for a in entry.findall("a:author", ATOM)
    ]
    published = entry.findtext("a:published", "", ATOM)
    venue = entry.findtext("arxiv:journal_ref", None, ATOM)
    doi = entry.findtext("arxiv:doi", None, ATOM)
    return LookupResult(
        source="arxiv",
        kind="paper",
        title=" ".join(title.split())[: formats.MAX_TITLE],
        authors=[a[: formats.MAX_AUTHOR] for a in authors if a][: formats.MAX_AUTHORS],
        year=formats.parse_year(published),
        venue=" ".join(venue.split())[: formats.MAX_VENUE] if venue else "arXiv",
        url=f"https://arxiv.org/abs/{arxiv_id}",
        arxiv_id=arxiv_id,
        doi=formats.clean_doi(doi),
        isbn=None,
    )


CROSSREF_KINDS = {
    "book": "book",
    "monograph": "book",
    "book-chapter": "chapter",
    "posted-content": "paper",
}


def _crossref(client: httpx.Client, doi: str) -> LookupResult:
    response = _get(client, "Crossref", f"https://api.crossref.org/works/{doi}", {})
    work: dict[str, Any] = response.json()["message"]
    title = " ".join((work.get("title") or [""])[0].split())
    if not title:
        raise NotFound("Crossref record")
    authors = []
    for person in work.get("author", [])[: formats.MAX_AUTHORS]:
        name = " ".join(p for p in (person.get("given"), person.get("family")) if p) or person.get(
            "name", ""
        )
        if name:
            authors.append(name[: formats.MAX_AUTHOR])
    date_parts = (work.get("issued") or work.get("published") or {}).get("date-parts") or [[None]]
    year = date_parts[0][0] if date_parts and date_parts[0] else None
    venue = (work.get("container-title") or [None])[0] or work.get("publisher")
    isbn = formats.clean_isbn((work.get("ISBN") or [None])[0])
    return LookupResult(
        source="crossref",
        kind=CROSSREF_KINDS.get(work.get("type", ""), "paper"),
        title=title[: formats.MAX_TITLE],
        authors=authors,
        year=year if isinstance(year, int) and 0 <= year <= 2100 else None,
        venue=venue[: formats.MAX_VENUE] if venue else None,
        url=f"https://doi.org/{doi}",
        arxiv_id=None,
        doi=doi,
        isbn=isbn,
    )


def _open_library(client: httpx.Client, isbn: str) -> LookupResult:
    response = _get(
        client,
        "Open Library",
        "https://openlibrary.org/api/books",
        {"bibkeys": f"ISBN:{isbn}", "format": "json", "jscmd": "data"},
    )
    book: dict[str, Any] | None = response.json().get(f"ISBN:{isbn}")
    if not book or not book.get("title"):
        raise NotFound("Open Library record")
    title = " ".join(str(book["title"]).split())
    if book.get("subtitle"):
        title = f"{title}: {' '.join(str(book['subtitle']).split())}"
    publisher = (book.get("publishers") or [{}])[0].get("name")
    pages = book.get("number_of_pages")
    return LookupResult(
        source="openlibrary",
        kind="book",
        title=title[: formats.MAX_TITLE],
        authors=[a["name"][: formats.MAX_AUTHOR] for a in book.get("authors", []) if a.get("name")][
            : formats.MAX_AUTHORS
        ],
        year=formats.parse_year(book.get("publish_date")),
        venue=publisher[: formats.MAX_VENUE] if publisher else None,
        url=book.get("url") if str(book.get("url", "")).startswith("https://") else None,
        arxiv_id=None,
        doi=None,
        isbn=isbn,
        progress_total=float(pages) if isinstance(pages, int) and 0 < pages <= 100_000 else None,
    )
