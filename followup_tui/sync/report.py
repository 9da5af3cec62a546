"""What a sync did, as plain data for the shell to print and the app to show."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed since they last agreed: who or what, which field, each side's value."""

    what: str  # the person's name or the task's summary
    field: str
    here: str
    there: str
    settled: str  # how it was left: "kept here", or "left as is: settle it with --prefer server|local"
    open: bool = False  # left for the user to settle (`--prefer server|local`, or the app's question)


@dataclass
class SyncReport:
    """Counts of what changed on each side, the conflicts, and whether the server had nothing new."""

    created: int = 0  # new tasks and cards on the server
    updated: int = 0  # tasks and cards changed on the server
    completed_here: int = 0  # done (or cancelled) here, now so on the server
    completed_there: int = 0  # done on the server (the phone), now done here
    moved_there: int = 0  # due dates moved on the server, now moved here
    deleted: int = 0  # tasks and cards of deleted interviews, actions or people, removed from the server
    resent: int = 0  # deleted on the server while still open here: sent again
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: bool = False  # nothing to do on either side (the server's ctag/sync-token was as last time)

    def summary(self) -> str:
        """One line for the shell."""
        if self.unchanged:
            return "Sync: nothing changed on either side."
        parts = [
            f"{self.created} created",
            f"{self.updated} updated",
            f"{self.completed_here} completed here",
            f"{self.completed_there} completed there",
            f"{self.deleted} deleted",
            f"{len(self.conflicts)} conflicts",
        ]
        if self.moved_there:
            parts.insert(4, f"{self.moved_there} moved there")
        if self.resent:
            parts.insert(-1, f"{self.resent} sent again (deleted on the server, still open here)")
        return "Sync: " + ", ".join(parts) + "."
