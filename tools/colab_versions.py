"""Compare requirements-colab.txt with the packages of the environment it runs in (Colab's runtime image).

    python3 -m tools.colab_versions

The weekly drift workflow runs it inside Colab's runtime image. It prints the
image's Python and its versions of the frameworks the chapters import, and
exits with status 1, saying which lines to change, when requirements-colab.txt
pins other versions. Standard library only: the image has nothing else of ours.
"""

from __future__ import annotations

import pathlib
import platform
import re
import sys
from importlib import metadata

REQUIREMENTS = pathlib.Path(__file__).resolve().parent.parent / "requirements-colab.txt"
FRAMEWORKS = ("tensorflow", "keras", "tf-keras", "numpy", "matplotlib")  # what Colab ships and we pin to it


def pinned(path: pathlib.Path = REQUIREMENTS) -> dict[str, str]:
    """``name: version`` for every ``name==version`` line of a requirements file."""
    pins = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s#;]+)", line)
        if match:
            pins[match[1].lower()] = match[2]
    return pins


def installed(names: tuple[str, ...] = FRAMEWORKS) -> dict[str, str | None]:
    """The version of each package in this environment (None where it is missing)."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def differences(pins: dict[str, str], versions: dict[str, str | None]) -> list[str]:
    """One line per framework whose pin differs from the environment's version."""
    return [
        f"{name}: requirements-colab.txt pins {pins.get(name, 'nothing')}, the image has {versions[name] or 'none'}"
        for name in versions
        if pins.get(name) != versions[name]
    ]


def main() -> int:
    pins, versions = pinned(), installed()
    print(f"Python {platform.python_version()}")
    for name, version in versions.items():
        print(f"{name}=={version}")
    changed = differences(pins, versions)
    if changed:
        print("\nrequirements-colab.txt no longer matches Colab's runtime:", *changed, sep="\n  ", file=sys.stderr)
        print("Update those pins to the versions above, then run .ci/colab-versions.", file=sys.stderr)
        return 1
    print("requirements-colab.txt matches Colab's runtime.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
