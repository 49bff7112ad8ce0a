"""Starts and stops a `kino serve` for the site test, the API fuzz run and the web benchmark.

The server runs from the repository root (where it finds the shipped demo catalog), on a free loopback port, with a
throwaway SQLite catalog and index folder; its output goes to a log file. `KinoServer` is a context manager: the
server is stopped (SIGTERM, then SIGKILL) whatever happens inside the `with`.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, headers=None, timeout=30):
    """GET a URL; returns (status, headers, body bytes) for any status, raises only on socket errors."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get_json(url, timeout=30):
    status, _, body = http_get(url, timeout=timeout)
    if status != 200:
        raise RuntimeError(f"GET {url}: expected 200, got {status}: {body[:300]!r}")
    return json.loads(body)


class ServerError(Exception):
    pass


class KinoServer:
    def __init__(self, binary, log_path, work_dir=None, startup_timeout=180):
        self.binary = os.path.abspath(binary)
        self.log_path = log_path
        self.startup_timeout = startup_timeout
        self.own_work_dir = work_dir is None
        self.work_dir = work_dir or tempfile.mkdtemp(prefix="kino-serve-")
        self.database = f"sqlite://{self.work_dir}/kino.sqlite"
        self.index_dir = os.path.join(self.work_dir, "IndexData")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def _serve_help(self):
        result = subprocess.run([self.binary, "serve", "--help"], cwd=REPO, capture_output=True, text=True, timeout=60)
        return result.stdout + result.stderr

    def start(self):
        if not os.access(self.binary, os.X_OK):
            raise ServerError(f"no kino binary at {self.binary}")
        command = [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port),
                   "--database", self.database, "--index-dir", self.index_dir]
        help_text = self._serve_help()
        if "kino serve" not in help_text:
            raise ServerError(f"{self.binary} has no serve command (`kino serve --help` printed the general help)")
        if "--demo-catalog" in help_text:
            command += ["--demo-catalog", os.path.join(REPO, "IndexData", "demo-catalog.jsonl.gz")]
        os.makedirs(os.path.dirname(os.path.abspath(self.log_path)), exist_ok=True)
        self.log = open(self.log_path, "wb")
        print(f"starting: {' '.join(command)}  (log: {self.log_path})", flush=True)
        started = time.monotonic()
        self.process = subprocess.Popen(command, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        while True:
            if self.process.poll() is not None:
                raise ServerError(f"kino serve exited with status {self.process.returncode} before /healthz answered; "
                                  f"its log says:\n{self.crash_summary()}")
            try:
                status, _, _ = http_get(self.base + "/healthz", timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - started > self.startup_timeout:
                raise ServerError(f"/healthz did not answer 200 within {self.startup_timeout} s; "
                                  f"last lines of its log:\n{self.log_tail()}")
            time.sleep(0.5)
        self.startup_seconds = time.monotonic() - started
        print(f"kino serve ready at {self.base} after {self.startup_seconds:.1f} s", flush=True)
        return self

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, "rb") as f:
                return b"\n".join(f.read().splitlines()[-lines:]).decode("utf-8", "replace")
        except OSError:
            return "(no log)"

    def crash_summary(self, frames=8):
        """The fatal error and the top of the crashed thread's backtrace from the log, else its last lines."""
        try:
            with open(self.log_path, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return "(no log)"
        fatal = [line for line in lines if "Fatal error" in line or "Program crashed" in line]
        crashed = next((i for i, line in enumerate(lines) if line.rstrip().endswith("crashed:")), None)
        if not fatal and crashed is None:
            return "\n".join(lines[-30:])
        stack = [line for line in lines[crashed:crashed + 3 + frames] if line.strip()] if crashed is not None else []
        return "\n".join(fatal + stack)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                print("kino serve did not stop within 15 s of SIGTERM; killing it", file=sys.stderr)
                self.process.kill()
                self.process.wait()
        if self.process is not None:
            self.log.close()
        if self.own_work_dir:
            subprocess.run(["rm", "-rf", self.work_dir])

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
        return False


def default_binary(build="debug"):
    return os.environ.get("KINO_BIN") or os.path.join(REPO, ".build", build, "kino")
