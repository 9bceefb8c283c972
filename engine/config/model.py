"""The configuration file's schema: every key, its type and its meaning.

Owns the pydantic models of ``factlint.toml`` (and of ``[tool.factlint]`` in
``pyproject.toml``): unknown keys are forbidden and nothing is coerced (a
number is not a string), so every mistake is an error rather than a setting
silently ignored.  Keys are spelt with dashes, as in the file.  Does not own
finding or reading the file (``loader``), nor checking rule ids and lexicon
names against the rules actually loaded (``resolve``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["info", "warning", "error"]
FailOn = Literal["info", "warning", "error", "never"]
#: the input formats a file can be read as (``auto``: by its extension)
InputFormat = Literal["auto", "text", "markdown", "html", "json", "wordpress", "arc"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False, frozen=True)


class InputSettings(_Strict):
    """``[input]``: how article files are read."""

    format: InputFormat | None = None
    encoding: str | None = None
    #: file extension (with its dot) -> format, e.g. ``".story" = "markdown"``
    extensions: dict[str, InputFormat] = Field(default_factory=dict)


class _Settings(_Strict):
    """Keys allowed both at the top level and in an override."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn | None = Field(None, alias="fail-on")
    input: InputSettings | None = None


class Override(_Settings):
    """``[[overrides]]``: settings for the files matching ``files`` (gitignore-style globs,
    relative to the configuration file's folder)."""

    files: list[str] = Field(min_length=1)


class ConfigFile(_Settings):
    """A whole configuration: ``factlint.toml`` or ``[tool.factlint]``."""

    #: rule files or folders, relative to the configuration file's folder
    rules: list[str] = Field(default_factory=list)
    default_rules: bool = Field(True, alias="default-rules")
    #: lexicon name -> phrases added to it (as ``extend lexicon`` in a rule file)
    extend_lexicons: dict[str, list[str]] = Field(default_factory=dict, alias="extend-lexicons")
    overrides: list[Override] = Field(default_factory=list)


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """The keys a table of this model may hold, as spelt in the file."""
    return [f.alias or name for name, f in model.model_fields.items()]


def model_at(loc: tuple, root: type[BaseModel] = ConfigFile) -> type[BaseModel] | None:
    """The model of the table at ``loc`` (a pydantic error location), if it is one."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if field is None:
            return None
        model = _model_of(field.annotation)
    return model


def _model_of(annotation) -> type[BaseModel] | None:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
