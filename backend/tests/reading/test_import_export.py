"""BibTeX and RIS import/export through the API."""

from pathlib import Path
from typing import Any

import bibtexparser
import rispy
from fastapi.testclient import TestClient

from tests.factories import ApiUser, create_reading_item, make_user

API = "/api/v1/reading-items"
FIXTURES = Path(__file__).parent / "fixtures"
BIB = {"Content-Type": "application/x-bibtex"}
RIS = {"Content-Type": "application/x-research-info-systems"}


def _import(
    client: TestClient, user: ApiUser, body: bytes | str, headers: dict[str, str], **params: Any
) -> Any:
    return client.post(
        f"{API}/import", content=body, headers={**user.headers, **headers}, params=params
    )


def _all(client: TestClient, user: ApiUser) -> list[dict[str, Any]]:
    r = client.get(API, params={"limit": 200}, headers=user.headers)
    items: list[dict[str, Any]] = r.json()["items"]
    return items


def _essence(item: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(
        item[k]
        for k in (
            "title",
            "kind",
            "authors",
            "year",
            "venue",
            "arxiv_id",
            "doi",
            "isbn",
            "url",
            "tags",
            "citation_key",
        )
    )


def test_the_50_entry_library_imports_with_the_right_counts(client: TestClient) -> None:
    user = make_user(client)
    text = (FIXTURES / "library.bib").read_text()
    preview = _import(client, user, text, BIB, dry_run="true")
    assert preview.status_code == 200, preview.text
    assert _all(client, user) == []  # a preview creates nothing
    r = _import(client, user, text, BIB)
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["created"], result["skipped"]) == (45, 3)
    assert [e["line"] for e in result["errors"]] == [396, 409]
    assert "no title" in result["errors"][1]["message"]
    assert preview.json()["items"] == result["items"]
    assert result["dry_run"] is False and preview.json()["dry_run"] is True

    items = {i["citation_key"]: i for i in _all(client, user)}
    assert len(items) == 45
    # In file order at the end of the queue.
    assert [i["citation_key"] for i in _all(client, user)][:3] == [
        "vaswani2017attention",
        "lecun2015deep",
        "he2016resnet",
    ]
    vaswani = items["vaswani2017attention"]
    assert vaswani["venue"] == "Advances in Neural Information Processing Systems"  # @string
    assert vaswani["arxiv_id"] == "1706.03762"
    assert vaswani["authors"][6] == "Łukasz Kaiser"
    assert vaswani["tags"] == ["transformers", "attention"]
    assert items["erdos1959random"]["authors"] == ["Paul Erdős", "Alfréd Rényi"]
    assert items["godel1931"]["title"].startswith("Über formal unentscheidbare Sätze")
    assert items["garcia2020"]["authors"][0] == "María José García"
    assert items["nested2021"]["title"] == "On the Nested Braces in Titles: A Survey"
    assert items["specialchars2018"]["title"] == "Ranking & Retrieval: 100% Recall at $0 Cost"
    assert items["he2016resnet"]["arxiv_id"] == "1512.03385"
    assert items["dao2022flash"]["arxiv_id"] == "2205.14135"
    assert items["breiman2001random"]["doi"] == "10.1023/A:1010933404324"
    assert items["goodfellow2016deep"]["kind"] == "book"  # not a duplicate of the 2015 review
    assert items["goodfellow2016deep"]["isbn"] == "9780262035613"
    assert items["bottou2012sgd"]["kind"] == "chapter"
    assert items["karpathy2019recipe"]["kind"] == "article"
    assert items["cs231n"]["kind"] == "course"
    assert items["karpathy2022zero"]["kind"] == "video"
    assert items["noyear"]["year"] is None and items["noauthors"]["authors"] == []
    assert "brown2020gpt3" in items and "others" not in items["brown2020gpt3"]["authors"]
    assert all(i["status"] == "queued" for i in items.values())

    # Importing the same file again skips everything.
    again = _import(client, user, text, BIB).json()
    assert (again["created"], again["skipped"]) == (0, 48)
    assert len(_all(client, user)) == 45


def test_export_round_trips_with_stable_keys(client: TestClient) -> None:
    user = make_user(client)
    _import(client, user, (FIXTURES / "library.bib").read_text(), BIB)
    create_reading_item(
        client,
        user,
        title="Odd {braces and 50% of #things}",
        authors=["Zoë Ångström"],
        kind="video",
    )
    original = sorted(_essence(i) for i in _all(client, user))

    r = client.get(f"{API}/export.bib", headers=user.headers)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-bibtex")
    assert "attachment" in r.headers["content-disposition"]
    exported = r.text
    assert client.get(f"{API}/export.bib", headers=user.headers).text == exported
    # It parses cleanly as BibTeX with unique keys.
    library = bibtexparser.parse_string(exported)
    assert library.failed_blocks == []
    assert len(library.entries) == 46

    fresh = make_user(client)
    result = _import(client, fresh, exported, BIB).json()
    assert (result["created"], result["skipped"], result["errors"]) == (46, 0, [])
    assert sorted(_essence(i) for i in _all(client, fresh)) == original
    assert client.get(f"{API}/export.bib", headers=fresh.headers).text == exported


def test_ris_round_trip(client: TestClient) -> None:
    user = make_user(client)
    _import(client, user, (FIXTURES / "library.bib").read_text(), BIB)
    original = sorted(_essence(i) for i in _all(client, user))
    r = client.get(f"{API}/export.ris", headers=user.headers)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-research-info-systems")
    assert len(rispy.loads(r.text)) == 45
    fresh = make_user(client)
    result = _import(client, fresh, r.text, RIS).json()
    assert (result["created"], result["skipped"], result["errors"]) == (45, 0, [])
    assert sorted(_essence(i) for i in _all(client, fresh)) == original


def test_ris_from_a_reference_manager(client: TestClient) -> None:
    user = make_user(client)
    r = _import(client, user, (FIXTURES / "zotero.ris").read_bytes(), RIS)
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["created"], result["skipped"]) == (4, 1)
    assert [e["line"] for e in result["errors"]] == [29]
    items = {i["title"]: i for i in _all(client, user)}
    paper = items["Attention Is All You Need"]
    assert paper["authors"][:2] == ["Ashish Vaswani", "Noam Shazeer"]
    assert (paper["year"], paper["doi"], paper["tags"]) == (
        2017,
        "10.48550/arXiv.1706.03762",
        ["nlp", "transformers"],
    )
    assert items["Designing Data-Intensive Applications"]["kind"] == "book"
    assert items["Über die Grundlagen"]["authors"] == ["Jürgen Müller"]


def test_multipart_upload(client: TestClient) -> None:
    user = make_user(client)
    files = {
        "file": ("zotero.bib", b"@book{k, title={A Book}, year=2001}", "application/octet-stream")
    }
    r = client.post(f"{API}/import", files=files, headers=user.headers)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 1
    files = {"file": ("export.ris", (FIXTURES / "zotero.ris").read_bytes(), "text/plain")}
    assert client.post(f"{API}/import", files=files, headers=user.headers).json()["created"] == 4
    r = client.post(
        f"{API}/import", files={"other": ("x.bib", b"@book{k2, title={B}}")}, headers=user.headers
    )
    assert r.status_code == 422


def test_a_failing_import_creates_nothing(client: TestClient) -> None:
    user = make_user(client)
    create_reading_item(client, user, title="Already here")
    entry = "@article{k%d, title={Entry number %d}, year=2020}\n"
    huge = "".join(entry % (n, n) for n in range(120_000)).encode()
    assert len(huge) > 5 * 1024 * 1024
    r = _import(client, user, huge, BIB)
    assert r.status_code == 413 and "5 MB" in r.json()["detail"]
    r = _import(client, user, huge * 2, BIB)  # past what the server reads at all
    assert r.status_code == 413 and "5 MB" in r.json()["detail"]
    files = {"file": ("big.bib", huge, "application/x-bibtex")}
    assert client.post(f"{API}/import", files=files, headers=user.headers).status_code == 413
    for body, headers in (
        (b"", BIB),
        (b"this is not bibtex at all", BIB),
        (b"@article{broken, title={never closed", BIB),
        (b"just some words\nand more", RIS),
        (b"\x00\x01\x02", {"Content-Type": "image/png"}),
    ):
        r = _import(client, user, body, headers)
        assert r.status_code in (415, 422), (body, r.text)
        detail = r.json()["detail"]
        message = detail if r.status_code == 415 else detail[0]["msg"]
        assert isinstance(message, str) and message
    assert [i["title"] for i in _all(client, user)] == ["Already here"]


def test_keys_never_clash_with_the_library(client: TestClient) -> None:
    user = make_user(client)
    mine = create_reading_item(
        client, user, title="Deep Thoughts", authors=["Ada Lovelace"], year=1843
    )
    assert mine["citation_key"] == "lovelace1843deep"
    r = _import(client, user, "@book{lovelace1843deep, title={Other Book}, year=1850}", BIB)
    keys = sorted(i["citation_key"] for i in _all(client, user))
    assert r.json()["created"] == 1
    assert keys == ["lovelace1843deep", "lovelace1843deepa"]


def test_keys_stay_when_metadata_changes_or_others_go(client: TestClient) -> None:
    user = make_user(client)
    a = create_reading_item(
        client, user, title="Deep Thoughts", authors=["Ada Lovelace"], year=1843
    )
    b = create_reading_item(client, user, title="Deep Things", authors=["Ada Lovelace"], year=1843)
    c = create_reading_item(client, user, title="Deeper Still", authors=["Ada Lovelace"], year=1843)
    assert [x["citation_key"] for x in (a, b, c)] == [
        "lovelace1843deep",
        "lovelace1843deepa",
        "lovelace1843deeper",
    ]

    def keys() -> list[str]:
        text = client.get(f"{API}/export.bib", headers=user.headers).text
        return [e.key for e in bibtexparser.parse_string(text).entries]

    assert keys() == ["lovelace1843deep", "lovelace1843deepa", "lovelace1843deeper"]
    # Fixing the metadata keeps the key a paper is cited by; deleting one renames no other.
    r = client.patch(
        f"{API}/{b['id']}",
        json={"title": "Other Things", "authors": ["Charles Babbage"], "year": 1850},
        headers=user.headers,
    )
    assert r.json()["citation_key"] == "lovelace1843deepa"
    assert client.delete(f"{API}/{a['id']}", headers=user.headers).status_code == 204
    assert keys() == ["lovelace1843deepa", "lovelace1843deeper"]
    # The deleted item's key is free again: the same work added back is cited the same way.
    d = create_reading_item(
        client, user, title="Deep Thoughts", authors=["Ada Lovelace"], year=1843
    )
    assert d["citation_key"] == "lovelace1843deep"
    assert keys() == ["lovelace1843deepa", "lovelace1843deeper", "lovelace1843deep"]
