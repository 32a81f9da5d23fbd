"""At most N API reads run at once per process; writes and non-API paths are not held up,
and a read gives its turn back when its response starts or when it fails."""

import asyncio

import pytest
from starlette.types import Message, Receive, Scope, Send

from kaizen.config import settings
from kaizen.main import ReadTurns, create_app


class Recorder:
    def __init__(self, fail_on: str = "") -> None:
        self.running = 0
        self.most = 0
        self.fail_on = fail_on
        self.log: list[str] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.running += 1
        self.log.append(f"enter {scope['path']}")
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(0.01)
            if scope["path"] == self.fail_on:
                raise RuntimeError("boom")
            await send({"type": "http.response.start", "status": 200, "headers": []})
        finally:
            self.running -= 1
        # The body goes out after the turn was given back: a slow client holds no turn.
        await asyncio.sleep(0.05)
        self.log.append(f"body {scope['path']}")
        await send({"type": "http.response.body", "body": b"{}"})


async def _call(app: ReadTurns, method: str, path: str) -> list[Message]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        sent.append(message)

    await app({"type": "http", "method": method, "path": path}, receive, send)
    return sent


def _run(app: ReadTurns, requests: list[tuple[str, str]]) -> list[object]:
    async def main() -> list[object]:
        return await asyncio.gather(
            *(_call(app, method, path) for method, path in requests), return_exceptions=True
        )

    return asyncio.run(main())


def test_api_reads_take_turns() -> None:
    inner = Recorder()
    results = _run(ReadTurns(inner, 2), [("GET", "/api/v1/today")] * 8)
    assert inner.most == 2
    assert all(isinstance(r, list) and len(r) == 2 for r in results)


def test_writes_and_pages_are_not_limited() -> None:
    inner = Recorder()
    _run(ReadTurns(inner, 1), [("PUT", "/api/v1/x")] * 3 + [("GET", "/today")] * 3)
    assert inner.most == 6


def test_turn_is_given_back_at_response_start() -> None:
    inner = Recorder()
    _run(ReadTurns(inner, 1), [("GET", "/api/v1/a"), ("GET", "/api/v1/b")])
    assert inner.most == 1
    # The second read entered while the first one's body was still on its way.
    assert inner.log == ["enter /api/v1/a", "enter /api/v1/b", "body /api/v1/a", "body /api/v1/b"]


def test_a_failing_read_gives_its_turn_back() -> None:
    inner = Recorder(fail_on="/api/v1/bad")
    app = ReadTurns(inner, 1)
    results = _run(app, [("GET", "/api/v1/bad"), ("GET", "/api/v1/ok"), ("GET", "/api/v1/ok")])
    assert isinstance(results[0], RuntimeError)
    assert all(isinstance(r, list) and len(r) == 2 for r in results[1:])


@pytest.mark.parametrize("limit", [1, 3])
def test_limit_is_the_setting(limit: int) -> None:
    inner = Recorder()
    _run(ReadTurns(inner, limit), [("HEAD", "/api/v1/me")] * 6)
    assert inner.most == limit


@pytest.mark.parametrize(
    ("url", "setting", "expected"),
    [
        ("sqlite:///kaizen.db", None, 1),
        ("postgresql+psycopg://kaizen@localhost/kaizen", None, 4),
        ("sqlite:///kaizen.db", 3, 3),
    ],
)
def test_the_default_depends_on_the_database(
    monkeypatch: pytest.MonkeyPatch, url: str, setting: int | None, expected: int
) -> None:
    monkeypatch.setattr(settings, "database_url", url)
    monkeypatch.setattr(settings, "concurrent_reads", setting)
    stack = create_app().build_middleware_stack()
    turns = getattr(stack, "app", None)
    assert isinstance(turns, ReadTurns)
    assert turns.limit == expected


def test_zero_turns_the_limit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "concurrent_reads", 0)
    stack = create_app().build_middleware_stack()
    assert not isinstance(getattr(stack, "app", None), ReadTurns)
