"""Lookups answered from recorded arXiv, Crossref and Open Library responses; nothing here
touches the network (the transport is an httpx.MockTransport)."""

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kaizen.reading import lookup
from tests.factories import make_user

API = "/api/v1/reading-items/lookup"
FIXTURES = Path(__file__).parent / "fixtures"
Handler = Callable[[httpx.Request], httpx.Response]


def recorded(request: httpx.Request) -> httpx.Response:
    url = request.url
    if url.host == "export.arxiv.org":
        name = (
            "arxiv_1706.03762.xml" if url.params["id_list"] == "1706.03762" else "arxiv_empty.xml"
        )
        return httpx.Response(200, content=(FIXTURES / name).read_bytes())
    if url.host == "api.crossref.org":
        if url.path == "/works/10.1038/nature14539":
            return httpx.Response(
                200, content=(FIXTURES / "crossref_10.1038_nature14539.json").read_bytes()
            )
        return httpx.Response(404, text="Resource not found.")
    if url.host == "openlibrary.org":
        if url.params["bibkeys"] == "ISBN:9780262035613":
            return httpx.Response(
                200, content=(FIXTURES / "openlibrary_9780262035613.json").read_bytes()
            )
        return httpx.Response(200, json={})
    raise AssertionError(f"unexpected request {url}")


@pytest.fixture
def use_transport(app: FastAPI) -> Iterator[Callable[[Handler], list[httpx.Request]]]:
    def install(handler: Handler) -> list[httpx.Request]:
        seen: list[httpx.Request] = []

        def recording(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return handler(request)

        def client() -> Iterator[httpx.Client]:
            with httpx.Client(transport=httpx.MockTransport(recording)) as c:
                yield c

        app.dependency_overrides[lookup.http_client] = client
        return seen

    yield install
    app.dependency_overrides.pop(lookup.http_client, None)


@pytest.mark.parametrize(
    "identifier",
    [
        "1706.03762",
        "arXiv:1706.03762v7",
        "https://arxiv.org/abs/1706.03762",
        "https://arxiv.org/pdf/1706.03762v2.pdf",
    ],
)
def test_arxiv(
    client: TestClient, use_transport: Callable[[Handler], list[httpx.Request]], identifier: str
) -> None:
    seen = use_transport(recorded)
    user = make_user(client)
    r = client.post(API, json={"identifier": identifier}, headers=user.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["source"] == "arxiv"
    assert body["title"] == "Attention Is All You Need"
    assert body["authors"][:2] == ["Ashish Vaswani", "Noam Shazeer"] and len(body["authors"]) == 8
    assert (body["year"], body["arxiv_id"], body["kind"]) == (2017, "1706.03762", "paper")
    assert body["url"] == "https://arxiv.org/abs/1706.03762"
    assert len(seen) == 1
    # What the lookup returns is a valid body for creating the item.
    create = {k: v for k, v in body.items() if k != "source" and v is not None}
    assert (
        client.post("/api/v1/reading-items", json=create, headers=user.headers).status_code == 201
    )


@pytest.mark.parametrize(
    "identifier",
    ["10.1038/nature14539", "https://doi.org/10.1038/nature14539", "doi:10.1038/nature14539"],
)
def test_crossref(
    client: TestClient, use_transport: Callable[[Handler], list[httpx.Request]], identifier: str
) -> None:
    use_transport(recorded)
    user = make_user(client)
    body = client.post(API, json={"identifier": identifier}, headers=user.headers).json()
    assert body["source"] == "crossref"
    assert (body["title"], body["year"], body["venue"], body["doi"]) == (
        "Deep learning",
        2015,
        "Nature",
        "10.1038/nature14539",
    )
    assert body["authors"] == ["Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"]


def test_open_library(
    client: TestClient, use_transport: Callable[[Handler], list[httpx.Request]]
) -> None:
    use_transport(recorded)
    user = make_user(client)
    for identifier in ("978-0-262-03561-3", "ISBN 9780262035613"):
        body = client.post(API, json={"identifier": identifier}, headers=user.headers).json()
        assert body["source"] == "openlibrary" and body["kind"] == "book"
        assert body["title"] == "Deep Learning: Adaptive Computation and Machine Learning series"
        assert (body["year"], body["venue"], body["progress_total"]) == (2016, "The MIT Press", 800)


def test_unknown_records_are_404(
    client: TestClient, use_transport: Callable[[Handler], list[httpx.Request]]
) -> None:
    use_transport(recorded)
    user = make_user(client)
    for identifier in ("9999.99999", "10.1234/nope", "9780000000002"):
        r = client.post(API, json={"identifier": identifier}, headers=user.headers)
        assert r.status_code == 404, (identifier, r.text)


def test_not_an_identifier_is_422_without_a_request(
    client: TestClient, use_transport: Callable[[Handler], list[httpx.Request]]
) -> None:
    seen = use_transport(recorded)
    user = make_user(client)
    for identifier in ("Attention is all you need", "", "x" * 301, "https://example.com/paper"):
        r = client.post(API, json={"identifier": identifier}, headers=user.headers)
        assert r.status_code == 422, identifier
    assert seen == []


def _raise(exc: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


@pytest.mark.parametrize(
    ("handler", "status"),
    [
        (_raise(httpx.ConnectError("Name or service not known")), 502),
        (_raise(httpx.ConnectTimeout("timed out")), 504),
        (_raise(httpx.ReadTimeout("timed out")), 504),
        (lambda request: httpx.Response(503, text="busy"), 502),
        (lambda request: httpx.Response(200, text="<html>not atom</html"), 502),
        (lambda request: httpx.Response(200, text="{not json"), 502),
    ],
)
def test_offline_or_upstream_trouble(
    client: TestClient,
    use_transport: Callable[[Handler], list[httpx.Request]],
    handler: Handler,
    status: int,
) -> None:
    use_transport(handler)
    user = make_user(client)
    for identifier in ("1706.03762", "10.1038/nature14539", "9780262035613"):
        r = client.post(API, json={"identifier": identifier}, headers=user.headers)
        assert r.status_code == status, (identifier, r.text)
        assert isinstance(r.json()["detail"], str)


def test_the_real_client_has_a_short_timeout() -> None:
    client = next(lookup.http_client())
    assert client.timeout.connect is not None and client.timeout.connect <= 5
    assert client.timeout.read is not None and client.timeout.read <= 10
