"""One exception tree for osler; adapters map it to exit codes and HTTP statuses once."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class PackProblem:
    """One lint or validation problem in the knowledge pack: where it is and what is wrong."""

    file: str
    field: str
    message: str
    severity: str = "error"

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


class OslerError(Exception):
    """Base of every error osler raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(OslerError):
    """The caller gave something osler cannot use (bad file, bad value, bad question)."""

    http_status = 400


class NotFound(OslerError):
    """A concept, claim, source or other record does not exist."""

    http_status = 404


class Conflict(OslerError):
    """A write would overwrite someone else's change or break a uniqueness rule."""

    http_status = 409


class PackError(InputError):
    """The knowledge pack is invalid; carries every problem with its file and field."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        summary = f"{len(problems)} problem(s) in the knowledge pack"
        if first is not None:
            summary += f"; first: {first.file}: {first.field}: {first.message}"
        super().__init__(summary)


class StoreError(OslerError):
    """The database could not be reached or is in an unexpected state."""

    http_status = 503
