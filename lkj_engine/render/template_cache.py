"""The Word template's compiled form, kept per process and on disk, so it is built once per template.

docxtpl patches the template's XML (about 0,1 s) and Jinja compiles it (about 0,1-0,2 s) on every
render, and the result depends only on the template. Both are cached here under the SHA-256 of
their input text (which is the template file's content: a changed template gives new keys, an old
entry is simply never asked for again), together with the versions that shape the result (Python,
Jinja2, docxtpl, this cache's format). A fresh command finds them on disk; a batch worker keeps them
in memory after its first report.

The disk cache lives in the platform's cache folder (``%LOCALAPPDATA%\\lkjip\\Cache``,
``~/Library/Caches/lkjip``, ``$XDG_CACHE_HOME/lkjip`` or ``~/.cache/lkjip``; ``LKJIP_CACHE_DIR``
overrides it), never in the project. It is an optimisation only: an unwritable folder, a full disk
or a damaged entry (each carries its own SHA-256) means the work is done again, never an error.
Entries are written to a temporary name and renamed, so two workers writing the same entry at once
cannot leave half a file.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

import jinja2

FORMAT = "1"
ENV_OVERRIDE = "LKJIP_CACHE_DIR"

_memory: dict[str, object] = {}


def cache_dir() -> Path:
    """Where entries are kept on disk (the folder may not exist yet)."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else Path.home() / "AppData" / "Local") / "lkjip" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lkjip"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "lkjip"


def _versions() -> str:
    import docxtpl

    return f"{FORMAT}|{sys.version}|{jinja2.__version__}|{getattr(docxtpl, '__version__', '?')}"


def key_of(kind: str, text: str) -> str:
    digest = hashlib.sha256(f"{kind}|{_versions()}|".encode("utf-8"))
    digest.update(text.encode("utf-8"))
    return f"{kind}-{digest.hexdigest()}"


def cached(key: str, build: Callable[[], object], dump: Callable[[object], bytes],
           load: Callable[[bytes], object]) -> object:
    """The value stored under `key` (memory, then disk), else `build()`, stored in both."""
    if key in _memory:
        return _memory[key]
    path = cache_dir() / key
    value = _read(path, load)
    if value is None:
        value = build()
        _write(path, dump(value))
    _memory[key] = value
    return value


def _read(path: Path, load: Callable[[bytes], object]) -> object | None:
    """The entry's value; None when absent or damaged (its checksum does not match): build it again."""
    try:
        raw = path.read_bytes()
        checksum, data = raw[:32], raw[32:]
        if hashlib.sha256(data).digest() != checksum:
            return None
        return load(data)
    except (OSError, ValueError, EOFError, TypeError, UnicodeDecodeError):
        return None


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(hashlib.sha256(data).digest() + data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # read-only or full: the cache is only an optimisation


def cached_text(kind: str, source: str, build: Callable[[str], str]) -> str:
    """`build(source)`, cached under the source's hash (docxtpl's patched XML)."""
    return cached(key_of(kind, source), lambda: build(source), lambda v: v.encode("utf-8"),
                  lambda b: b.decode("utf-8"))


class CachingEnvironment(jinja2.Environment):
    """A Jinja environment whose `from_string` compiles each distinct source once (memory and disk).

    The compiled code depends on the source and on the settings that shape code generation
    (autoescape, delimiters, whitespace options), so those are part of the key; filters, tests and
    the Undefined class are looked up when the template runs and need not be.
    """

    def _settings(self) -> str:
        return repr((self.autoescape, self.block_start_string, self.block_end_string,
                     self.variable_start_string, self.variable_end_string, self.comment_start_string,
                     self.comment_end_string, self.line_statement_prefix, self.line_comment_prefix,
                     self.trim_blocks, self.lstrip_blocks, self.newline_sequence, self.keep_trailing_newline,
                     sorted(self.extensions), self.optimized))

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's signature
        if not isinstance(source, str) or callable(self.autoescape):
            return super().from_string(source, globals, template_class)
        code = cached(key_of("jinja", self._settings() + "\0" + source), lambda: self.compile(source),
                      marshal.dumps, marshal.loads)
        cls = template_class or self.template_class
        return cls.from_code(self, code, self.make_globals(globals), None)
