"""A real Radicale (CalDAV/CardDAV) server on 127.0.0.1 for the sync tests and benchmarks/sync.py:
a random free port, throw-away storage, htpasswd plain-text auth; started as a subprocess, stopped after."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

USER, PASSWORD = "jordan", "s3cret-Pa55"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Radicale:
    """A running server: its URL, the user's principal URL, and how to stop and start it again."""

    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    server: str = ""  # extra [server] lines, e.g. "max_resource_size = 100\n"
    storage: str = ""  # extra [storage] lines, e.g. "use_mtime_and_size_for_item_cache = True\n"
    rights: str = ""  # a rights file (Radicale's from_file rules); empty: each user owns their own collections
    command: tuple[str, ...] = ()  # what runs the server before `-m radicale` (a profiler); empty: this Python

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def home(self) -> str:
        return f"{self.url}{USER}/"

    def start(self) -> Radicale:
        self.folder.mkdir(parents=True, exist_ok=True)
        users = self.folder / "users"
        users.write_text(f"{USER}:{PASSWORD}\n")
        config = self.folder / "config"
        rights = "[rights]\ntype = owner_only\n"
        if self.rights:
            (self.folder / "rights").write_text(self.rights)
            rights = f"[rights]\ntype = from_file\nfile = {self.folder / 'rights'}\n"
        config.write_text(
            f"[server]\nhosts = 127.0.0.1:{self.port}\n{self.server}"
            f"[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\ndelay = 0\n"
            f"[storage]\nfilesystem_folder = {self.folder / 'collections'}\n{self.storage}"
            f"{rights}[web]\ntype = none\n[logging]\nlevel = warning\n"
        )
        self.process = subprocess.Popen(
            [*(self.command or (sys.executable,)), "-m", "radicale", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=open(self.folder / "radicale.log", "ab"),  # noqa: SIM115 - kept open for the server's life
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # waits for the server to accept connections, not a timer of ours
            if self.process.poll() is not None:
                raise RuntimeError((self.folder / "radicale.log").read_text())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("Radicale did not start")

    def kill(self) -> None:
        """Gone at once, as a server that crashed or lost its network (SIGKILL)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def make_task_list(self, name: str = "followups", components: tuple[str, ...] = ("VTODO",)) -> str:
        """A calendar in the user's home, as a phone app or the server's web page makes one; returns its URL."""
        import caldav

        with caldav.DAVClient(url=self.url, username=USER, password=PASSWORD) as client:
            calendar = client.principal().make_calendar(
                name=name, cal_id=name, supported_calendar_component_set=list(components)
            )
            return str(calendar.url)

    def make_address_book(self, name: str = "contacts") -> str:
        """An address book in the user's home (MKCOL with the CardDAV resource type); returns its URL."""
        import caldav

        body = (
            '<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
            f"<d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype>"
            f"<d:displayname>{name}</d:displayname></d:prop></d:set></d:mkcol>"
        )
        url = f"{self.home}{name}/"
        with caldav.DAVClient(url=self.url, username=USER, password=PASSWORD) as client:
            response = client.request(url, "MKCOL", body, {"Content-Type": "application/xml"})
            assert response.status == 201, response.status
        return url
