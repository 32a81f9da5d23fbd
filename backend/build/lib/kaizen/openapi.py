"""Print the OpenAPI document without starting a server: `python -m kaizen.openapi`."""

import json
import sys

from kaizen.main import create_app


def main() -> None:
    json.dump(create_app().openapi(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
