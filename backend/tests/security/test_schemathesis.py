"""The OpenAPI document is a contract a fuzzer can trust: schemathesis generates requests
for every operation (data that fits the schema, and data that does not) and runs all of its
checks on every answer, signed in with a bearer token.

Derandomized (a fixed seed) with a bounded number of examples, so the run is short and the
same every time; it runs on SQLite only (the contract does not depend on the database).
"""

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.modes import GenerationMode
from sqlalchemy.engine import make_url

from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_user

pytestmark = pytest.mark.skipif(
    make_url(TEST_DATABASE_URL).get_backend_name() != "sqlite",
    reason="the contract is the same on every database; fuzzed once, on SQLite",
)

EXAMPLES = 5


# Rules across fields (an end before a start, a numeric item without a target) and values
# from a list too long to publish (IANA timezones) cannot be written in OpenAPI: schema-valid
# data may still be a 422 with the field named, never a 500 or an undocumented status.
CONFIG = {
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "401", "403", "404", "409", "412", "422", "429"]
        }
    }
}


def _operations(app: FastAPI) -> list[object]:
    config = SchemathesisConfig.from_dict(CONFIG)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_keeps_its_contract(
    app: FastAPI, client: TestClient, mode: GenerationMode
) -> None:
    headers = make_user(client).headers
    paths = app.openapi()["paths"]
    failures: list[str] = []
    for operation in _operations(app):
        spec = paths[operation.path][operation.method.lower()]  # type: ignore[attr-defined]
        if mode is GenerationMode.NEGATIVE and not (
            spec.get("parameters") or "requestBody" in spec
        ):
            continue  # nothing to send that the schema forbids

        @given(case=operation.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            report_multiple_bugs=False,
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers)

        try:
            run()
        except Exception as exc:
            failures.append(f"{operation.label}: {exc}")  # type: ignore[attr-defined]
    assert not failures, "\n\n".join(failures)
