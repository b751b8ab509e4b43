"""Running Frog: as a program (one run for many texts, so it loads once) or as a server
that is already up (``frog -S PORT``, or :class:`FrogServer` to start one), which
answers each text at once. A missing program, a failed run or an unreachable
server is a :class:`~timeline.parse.BackendError` that says what went wrong.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import weakref
from collections.abc import Sequence
from typing import Any

from ...lang import LanguageLike, load_language
from ..protocol import BackendError, Sentence
from .sentences import sentences_of

__all__ = ["DEFAULT_SKIP", "FrogParser", "FrogServer"]

DEFAULT_SKIP = "nca"
"""Frog modules skipped by default: named entities (n), the chunker (c) and the
morphological analyzer (a). The tokenizer, tagger, lemmatizer, multi-word units
and the parser stay: the parser needs the multi-word units."""

_MODULES = frozenset("tlacmnp")  # what --skip accepts
_INSTALL = "install it with: apt-get install frog frogdata"
_TAIL = 12  # lines of Frog's stderr quoted in an error


class FrogParser:
    """The sentences of a text as Frog analyzes them.

    Args:
        executable: the Frog program (a name on the PATH or a path).
        server: ``(host, port)`` of a running Frog server (``frog -S PORT``, or
            a :class:`FrogServer`); then no program is started, and
            ``executable`` and ``skip`` are not used (the server's own options
            count).
        skip: the Frog modules not to run, as Frog's ``--skip`` letters
            (default :data:`DEFAULT_SKIP`); None runs them all. Skipping
            ``p`` (the parser) or ``m`` (which the parser needs) leaves the
            sentences without a tree.
        timeout: seconds one Frog run (loading and all the texts of a
            :meth:`parse_many` call) or one server answer may take.
        language: the language whose data maps Frog's tags (``nl``: Frog parses Dutch).

    Without a server, each :meth:`parse` runs Frog once, which loads its
    models first (a few seconds): give many texts to :meth:`parse_many`, or
    use a server.

    Raises:
        ValueError: for a ``skip`` with letters Frog does not know, or a language
            with no table of Frog's tags.
    """

    def __init__(self, *, executable: str = "frog", server: tuple[str, int] | None = None,
                 skip: str | None = DEFAULT_SKIP, timeout: float = 600.0, language: LanguageLike = "nl") -> None:
        lang = load_language(language)
        if not lang.data("frog"):
            raise ValueError(f"Frog parses Dutch; the language {lang.code!r} has no table of Frog's tags")
        if skip is not None and not set(skip) <= _MODULES:
            raise ValueError(f"skip takes Frog's module letters ({''.join(sorted(_MODULES))}), not {skip!r}")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout!r}")
        self.executable = executable
        self.server = server
        self.skip = skip or None
        self.timeout = timeout
        self.language = lang

    def __repr__(self) -> str:
        where = f"server={self.server!r}" if self.server is not None else f"executable={self.executable!r}"
        return f"FrogParser({where}, skip={self.skip!r}, timeout={self.timeout!r})"

    def parse(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of ``text``; token offsets index ``text`` itself."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: Sequence[str]) -> list[tuple[Sentence, ...]]:
        """The sentences of each text, in order: one Frog run (or one server connection) for all."""
        todo = [k for k, text in enumerate(texts) if text.strip()]
        out: list[tuple[Sentence, ...]] = [() for _ in texts]
        if not todo:
            return out
        chosen = [texts[k] for k in todo]
        outputs = self._ask(chosen) if self.server is not None else self._run(chosen)
        for k, output in zip(todo, outputs, strict=True):
            try:
                out[k] = sentences_of(output, texts[k], self.language)
            except ValueError as error:
                raise BackendError(f"Frog's output cannot be read: {error}") from None
        return out

    def _command(self) -> list[str]:
        """The Frog program and its options, or a BackendError when there is no such program."""
        program = shutil.which(self.executable)
        if program is None:
            raise BackendError(f"Frog is not installed: there is no program {self.executable!r}; {_INSTALL}")
        return [program, *([f"--skip={self.skip}"] if self.skip else [])]

    def _run(self, texts: Sequence[str]) -> list[str]:
        """Frog's output for each text, from one run of the program over a folder of them."""
        command = self._command()
        with tempfile.TemporaryDirectory(prefix="timeline-frog-") as work:
            given, taken = os.path.join(work, "in"), os.path.join(work, "out")
            os.mkdir(given)
            os.mkdir(taken)
            names = [f"{k:06d}.txt" for k in range(len(texts))]
            for name, text in zip(names, texts, strict=True):
                with open(os.path.join(given, name), "w", encoding="utf-8", errors="replace") as f:
                    f.write(text.replace("\x00", " "))
            command += [f"--testdir={given}", f"--outputdir={taken}"]
            try:
                done = subprocess.run(command, cwd=work, stdin=subprocess.DEVNULL, capture_output=True,
                                      timeout=self.timeout, check=False)
            except subprocess.TimeoutExpired:
                raise BackendError(f"Frog did not finish within {self.timeout:g} s "
                                   f"({len(texts)} text(s)); give a larger timeout") from None
            except OSError as error:  # found but not runnable
                raise BackendError(f"Frog cannot be started ({error}); {_INSTALL}") from None
            stderr = done.stderr.decode("utf-8", errors="replace")
            if done.returncode != 0:
                raise BackendError(f"Frog failed (exit status {done.returncode}): {_tail(stderr)}")
            outputs: list[str] = []
            for name in names:
                path = os.path.join(taken, f"{name}.out")
                if not os.path.isfile(path):
                    raise BackendError(f"Frog wrote no output for one of the texts: {_tail(stderr)}")
                with open(path, encoding="utf-8", errors="replace") as f:
                    outputs.append(f.read())
            return outputs

    def _ask(self, texts: Sequence[str]) -> list[str]:
        """Frog's output for each text, from the server, over one connection."""
        assert self.server is not None
        host, port = self.server
        try:
            connection = socket.create_connection((host, port), timeout=self.timeout)
        except OSError as error:
            raise BackendError(f"cannot reach the Frog server at {host}:{port} ({error}); start one with "
                               f"frog -S {port} (or timeline.parse.frog.FrogServer), or {_INSTALL}") from None
        with connection, connection.makefile("rb") as answers:
            return [_exchange(connection, answers, text, self.server, self.timeout) for text in texts]


_END_OF_TEXT = "EOT"  # the line that ends a request to a Frog server
_READY = "READY"  # the line that ends its answer


def _request(text: str) -> bytes:
    """A text as a Frog server request: its lines, then the end line. A line of the text that
    reads like the end line gets a trailing space (the server compares lines exactly)."""
    lines = text.replace("\x00", " ").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line + " " if line == _END_OF_TEXT else line for line in lines]
    return ("\n".join(lines) + f"\n{_END_OF_TEXT}\n").encode("utf-8", errors="replace")


def _exchange(connection: socket.socket, answers: Any, text: str, server: tuple[str, int], timeout: float) -> str:
    """One text sent to a Frog server and its answer read: the lines up to the ready line."""
    host, port = server
    try:
        connection.sendall(_request(text))
        lines: list[str] = []
        for raw in iter(answers.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if line == _READY:
                return "\n".join(lines) + "\n"
            lines.append(line)
    except TimeoutError:
        raise BackendError(f"the Frog server at {host}:{port} did not answer within {timeout:g} s") from None
    except OSError as error:
        raise BackendError(f"the connection to the Frog server at {host}:{port} failed ({error})") from None
    raise BackendError(f"the Frog server at {host}:{port} closed the connection before its answer was complete")


def _tail(stderr: str) -> str:
    """The last lines of Frog's messages, for an error."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    return " | ".join(lines[-_TAIL:]) if lines else "(no message)"


class FrogServer:
    """A Frog server of one's own: ``frog -S PORT`` started as a child process.

    Frog loads its models once, then answers each text at once, so this is
    the way to parse many texts one call at a time (``timeline analyze
    --jsonl``). Use it as a context manager, or call :meth:`close`; it is also
    stopped when it is garbage-collected and when Python exits.

    Example (it needs Frog installed, so it is shown, not run as a doctest;
    ``tests/test_frog_backend.py`` runs it for real)::

        with FrogServer() as server:
            parser = server.parser()
            sentences = parser.parse("Hij zei donderdag dat het kabinet vrijdag beslist.")

    Args:
        executable: the Frog program.
        skip: the modules not to run (see :class:`FrogParser`).
        port: the port to listen on; None picks one that is free (it listens on
            all interfaces, as ``frog -S`` does; the parser asks 127.0.0.1).
        timeout: seconds Frog may take to load.

    Raises:
        BackendError: when Frog is not installed, fails, or does not answer in time.
    """

    def __init__(self, *, executable: str = "frog", skip: str | None = DEFAULT_SKIP, port: int | None = None,
                 timeout: float = 120.0) -> None:
        command = FrogParser(executable=executable, skip=skip)._command()
        self.executable = executable
        self.skip = skip
        self.port = port if port is not None else _free_port()
        self.address: tuple[str, int] = ("127.0.0.1", self.port)
        self._work = tempfile.TemporaryDirectory(prefix="timeline-frog-server-")
        log = open(os.path.join(self._work.name, "frog.log"), "wb")  # noqa: SIM115 (closed by _stop)
        try:
            process = subprocess.Popen([*command, "-S", str(self.port)], cwd=self._work.name,
                                       stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        except OSError as error:
            log.close()
            self._work.cleanup()
            raise BackendError(f"Frog cannot be started ({error}); {_INSTALL}") from None
        self._process = process
        self._finalizer = weakref.finalize(self, _stop, process, log, self._work)
        try:
            self._wait(timeout)
        except BaseException:
            self.close()
            raise

    def __repr__(self) -> str:
        return f"FrogServer(port={self.port}, running={self.running})"

    @property
    def running(self) -> bool:
        """Whether the server is still up."""
        return self._finalizer.alive and self._process.poll() is None

    def parser(self, *, timeout: float = 600.0, language: LanguageLike = "nl") -> FrogParser:
        """A parser that asks this server."""
        return FrogParser(executable=self.executable, server=self.address, skip=self.skip, timeout=timeout,
                          language=language)

    def close(self) -> None:
        """Stop the server (and any connection it is still serving)."""
        self._finalizer()

    def __enter__(self) -> FrogServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, timeout: float) -> None:
        """Until the server answers an empty request, or a BackendError with its messages."""
        deadline = time.monotonic() + timeout
        while True:
            if self._process.poll() is not None:
                raise BackendError(f"the Frog server stopped (exit status {self._process.returncode}): "
                                   f"{_tail(self._log())}")
            left = deadline - time.monotonic()
            if left <= 0:
                raise BackendError(f"the Frog server did not start within {timeout:g} s: {_tail(self._log())}")
            try:
                connection = socket.create_connection(self.address, timeout=min(left, 1.0))
            except OSError:
                time.sleep(0.1)
                continue
            with connection, connection.makefile("rb") as answers:
                connection.settimeout(max(left, 1.0))
                _exchange(connection, answers, "", self.address, max(left, 1.0))
            return

    def _log(self) -> str:
        try:
            with open(os.path.join(self._work.name, "frog.log"), encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""


def _free_port() -> int:
    """A local TCP port that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes], log: Any, work: tempfile.TemporaryDirectory[str]) -> None:
    """Stop a Frog server and the connections it forked (its own process group; Frog does not
    stop on SIGTERM while it serves), then remove its folder."""
    if process.returncode is None:  # not yet reaped, so its process group is still ours
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    log.close()
    work.cleanup()
