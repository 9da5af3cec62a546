"""The followup Textual app."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from followup_tui import crashlog
from followup_tui.store import queries
from followup_tui.store.database import close_database, is_read_only, open_database
from followup_tui.text import clean, clean_line, clean_text
from followup_tui.tui.review_data import ReviewData
from followup_tui.validate import default_region

GC_SECONDS = 1.0
FULL_GC_EVERY = 30  # timer ticks

if TYPE_CHECKING:
    from textual.command import Provider


def _key_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens (as Textual does its own)."""
    from followup_tui.tui.palette import KeyCommands

    return KeyCommands


class FollowupApp(App[None]):
    """A keyboard-driven desk for the follow-up after each interview."""

    CSS_PATH = "app.tcss"
    COMMANDS = {_key_commands}
    TITLE = "followup"

    def __init__(self, database_path: Path, *, demo: bool = False, phone_region: str | None = None) -> None:
        super().__init__()
        self.database_path = Path(database_path)
        self.demo = demo
        self._phone_region = phone_region
        self.sub_title = "demo data (throw-away)" if demo else clean_line(str(self.database_path))
        self.review_data = ReviewData(self)
        # The sync password typed in the set-up form where no system keyring keeps it: for this run only.
        self.sync_password: str | None = None
        self.crash_log: Path | None = None
        """Where the last unexpected error was logged (the command prints it if the app had to stop)."""

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run the app (the `followup` command). Everything imported so far (Textual, Rich, the app)
        lives as long as the process: keep it out of the garbage collector's full passes, one of
        which cost 16 ms before the first paint. (Not in run_test: tests make many apps in one
        process, and frozen objects are never collected.)"""
        gc.freeze()
        return super().run(*args, **kwargs)

    async def run_action(
        self,
        action: str | tuple[str, str, tuple[object, ...]],
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key and palette command runs here: an unexpected error in one is reported and
        logged, and the app goes on (the write it interrupted was rolled back by its transaction)."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:  # noqa: BLE001 - the boundary where nothing may escape
            self.report_failure(error, f"action {action}")
            return True

    def report_failure(self, error: BaseException, where: str = "") -> None:
        """Log an unexpected error and tell the user, without a traceback on the screen."""
        log = crashlog.record(error, where)
        self.crash_log = log
        detail = f"{type(error).__name__}: {clean_line(str(error))[:200]}" if str(error) else type(error).__name__
        where_logged = f"The details are in {log}." if log else "The log could not be written."
        self.notify(
            f"Something went wrong ({detail}). Nothing stored was lost. {where_logged}",
            title="Unexpected error",
            severity="error",
            timeout=15,
            markup=False,
        )

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an error no handler caught. A failed worker is reported and the app goes
        on (no message loop was interrupted); any other error stopped the loop of the widget it came
        from, so the app exits with status 1 and says where the log is, rather than printing a traceback."""
        from textual.worker import WorkerFailed

        if isinstance(error, WorkerFailed):
            from followup_tui.tui.screens.progress import ProgressScreen

            if isinstance(self.screen, ProgressScreen):
                self.pop_screen()  # the job that would have closed it is gone
            self.report_failure(error.error, "worker")
            return
        logged = crashlog.record(error, "handler")
        if self.return_code:
            return  # already stopping after an earlier error
        self.crash_log = logged or crashlog.log_path()
        self.exit(return_code=1)

    def get_default_screen(self) -> Screen[None]:
        from followup_tui.tui.screens.main import MainScreen

        open_database(self.database_path)
        if is_read_only():
            self.sub_title = f"{self.sub_title} · READ-ONLY: edits are refused"
        return MainScreen()

    @property
    def phone_region(self) -> str:
        """The region for phone numbers without +country code: the setting, else the locale's.
        Read when first needed, so start-up does not load the phone-number library."""
        if self._phone_region is None:
            self._phone_region = queries.settings().phone_region or default_region()
        return self._phone_region

    @phone_region.setter
    def phone_region(self, value: str) -> None:
        self._phone_region = value

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette offers every key of the current screen, by its description."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.action in seen or binding.action.startswith("app.quit") or not active.enabled:
                continue
            seen.add(binding.action)
            help_text = f"key: {self.get_key_display(binding)}"
            yield SystemCommand(
                binding.tooltip or binding.description, help_text, partial(self.run_action, binding.action, active.node)
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (screens' and widgets' notify come here): the message often quotes a
        company or a name, which must reach the terminal without its control codes."""
        # Never markup: no notification of ours uses it, and most quote a name (`[/]` would crash it).
        super().notify(
            clean_text(str(message)), title=clean_line(title), severity=severity, timeout=timeout, markup=False
        )

    async def on_event(self, event: events.Event) -> None:
        # Every paste, into whichever field has focus, without the terminal codes it may carry (text
        # copied from a web page or a file); the only way text gets into a field other than typing.
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = clean(event.text)
        await super().on_event(event)

    def on_mount(self) -> None:
        # Python's collector runs when allocations cross a threshold, which is often in the middle of
        # a key; a full pass over the app's objects took 10-30 ms (the slowest keys). It runs between
        # keys instead: the young objects every second, everything every half minute.
        gc.disable()
        self._collections = 0
        self.set_interval(GC_SECONDS, self._collect_garbage, name="collect garbage")

    def _collect_garbage(self) -> None:
        self._collections += 1
        gc.collect(2 if self._collections % FULL_GC_EVERY == 0 else 0)

    def on_unmount(self) -> None:
        gc.enable()
        close_database()
