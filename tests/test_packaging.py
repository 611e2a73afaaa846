"""pyproject.toml's dependencies and the requirements lock agree, and every package the code imports is declared."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]


def _declared(extras: bool = False) -> list[Requirement]:
    """The runtime dependencies (with ``extras``: also those of the optional extras, e.g. the accurate mode's)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    if extras:
        lines += [line for group in project.get("optional-dependencies", {}).values() for line in group]
    return [Requirement(line) for line in lines]


def _locked(files: tuple[str, ...] = ("requirements.txt", "requirements-model.txt")) -> dict[str, str]:
    pins = {}
    for name in files:
        for line in (REPO / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                package, version = line.split("==", 1)
                pins[canonicalize_name(package.split("[")[0])] = version.split()[0]
    return pins


def test_every_declared_dependency_is_locked_at_a_version_inside_its_bounds():
    locked = _locked()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is declared in pyproject.toml but not pinned in requirements*.txt"
        assert requirement.specifier.contains(locked[name], prereleases=True), (requirement, locked[name])


def test_every_optional_dependency_is_locked_in_the_training_requirements():
    locked = _locked(("requirements-train.txt",))
    core = {canonicalize_name(r.name) for r in _declared()}
    for requirement in _declared(extras=True):
        name = canonicalize_name(requirement.name)
        if name in core:
            continue
        assert name in locked, f"{requirement.name} is an optional dependency but not pinned in requirements-train.txt"
        assert requirement.specifier.contains(locked[name], prereleases=True), (requirement, locked[name])


def test_every_third_party_import_of_the_package_is_a_declared_dependency():
    imported: set[str] = set()
    for path in (REPO / "src" / "eventscope").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    declared = {canonicalize_name(r.name) for r in _declared(extras=True)}
    distributions = packages_distributions()
    for module in sorted(imported - set(sys.stdlib_module_names) - {"eventscope"}):
        owners = {canonicalize_name(d) for d in distributions.get(module, [module])}
        assert owners & declared, f"src imports {module!r}: declare it in pyproject.toml dependencies"
