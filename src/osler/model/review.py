"""Review events: the append-only audit trail of who changed what and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ReviewEvent(BaseModel):
    """One entry of the audit trail for a claim, concept or case."""

    model_config = ConfigDict(frozen=True)

    target_kind: str
    target_id: str
    actor: str
    action: str
    at: datetime
    changes: dict[str, Any] = Field(default_factory=dict)
    comment: str = ""
