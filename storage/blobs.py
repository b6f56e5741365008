"""Raw bodies stored on disk under their sha256 (content-addressed, written atomically)."""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """On disk. `put` returns the sha256 of the raw bytes; the same body is stored once however often it is seen."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:4] / f"{digest}.z"

    def put(self, data: bytes) -> tuple[str, int]:
        """Store `data`; returns (sha256, bytes on disk)."""
        digest = sha256(data)
        target = self.path(digest)
        if target.exists():
            return digest, target.stat().st_size
        target.parent.mkdir(parents=True, exist_ok=True)
        packed = zlib.compress(data, 1)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(packed)
            os.replace(tmp, target)  # a crash never leaves a half-written blob under its name
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest, len(packed)

    def get(self, digest: str) -> bytes:
        data = zlib.decompress(self.path(digest).read_bytes())
        if sha256(data) != digest:
            raise ValueError(f"blob {digest} is corrupt on disk")
        return data

    def has(self, digest: str) -> bool:
        return self.path(digest).exists()

    def delete(self, digest: str) -> int:
        """Remove a body (retention); returns the bytes freed on disk."""
        path = self.path(digest)
        try:
            size = path.stat().st_size
            path.unlink()
        except FileNotFoundError:
            return 0
        return size


class DbBlobStore:
    """The same interface, with the compressed bodies in the `blob_bodies` table."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.root = Path(tempfile.gettempdir()) / "govaudit-dbblobs"  # lock files only
        self._known: set[str] = set()

    def put(self, data: bytes) -> tuple[str, int]:
        digest = sha256(data)
        packed = zlib.compress(data, 1)
        if digest not in self._known:
            from storage.models import BlobBody
            from storage.repo import insert_ignore

            with self.sessions.begin() as s:
                insert_ignore(s, BlobBody.__table__, [{"sha256": digest, "data": packed}], ["sha256"])  # type: ignore[arg-type]
            self._known.add(digest)
        return digest, len(packed)

    def get(self, digest: str) -> bytes:
        from storage.models import BlobBody

        with self.sessions() as s:
            row = s.get(BlobBody, digest)
            if row is None:
                raise FileNotFoundError(digest)
            data = zlib.decompress(row.data)
        if sha256(data) != digest:
            raise ValueError(f"blob {digest} is corrupt in the database")
        return data

    def has(self, digest: str) -> bool:
        if digest in self._known:
            return True
        from storage.models import BlobBody

        with self.sessions() as s:
            found = s.get(BlobBody, digest) is not None
        if found:
            self._known.add(digest)
        return found


Blobs = BlobStore | DbBlobStore
