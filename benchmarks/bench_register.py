"""Unlock and verify a register of 50,000 audit entries (issue 2).

Run: .venv/bin/python benchmarks/bench_register.py [--entries 50000]
Prints the Argon2id cost, the unlock time beyond it, and the chain verification time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dsar_desktop.security.keyslots import DEFAULT_KDF, KeyFile, sidecar_path  # noqa: E402
from dsar_desktop.services import register as svc  # noqa: E402
from dsar_desktop.store import audit  # noqa: E402
from dsar_desktop.store.connection import open_register  # noqa: E402

PASS = "benchmark passphrase 2026"


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def best(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.dsar"
        created = svc.create_register(path, "bench", PASS)
        reg = created.register
        start = time.perf_counter()
        at = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        with reg.transaction() as conn:
            for i in range(args.entries - 1):
                audit.append(
                    conn,
                    "bench",
                    "case.transition",
                    f"DSAR-2027-{i % 9999:04d}",
                    {"to": "in_progress", "i": i},
                    at,
                )
        fill = time.perf_counter() - start
        reg.close()

        keyfile = KeyFile.load(sidecar_path(path))
        slot = keyfile.find("bench")
        argon_best, argon_median = best(lambda: keyfile.unwrap(slot, PASS))
        raw = keyfile.unwrap(slot, PASS)

        def open_close() -> None:
            open_register(path, raw, "bench").close()

        open_best, open_median = best(open_close)

        def full_unlock() -> None:
            svc.unlock_register(path, PASS, "bench").close()

        unlock_best, unlock_median = best(full_unlock)
        reg = open_register(path, raw, "bench")
        verify_best, verify_median = best(lambda: audit.verify_chain(reg.conn), runs=3)
        full_best, _ = best(lambda: svc.verify(reg), runs=3)
        reg.close()

    print(f"machine: {machine()}")
    print(f"audit entries: {args.entries} (written in {fill:.2f} s)")
    print(
        f"Argon2id cost {DEFAULT_KDF}: best {argon_best * 1000:.0f} ms, median {argon_median * 1000:.0f} ms"
    )
    print(
        f"open with raw key (lock, key, pragmas, schema check): best {open_best * 1000:.1f} ms, median {open_median * 1000:.1f} ms"
    )
    print(f"unlock = Argon2 + open: best {unlock_best * 1000:.0f} ms, median {unlock_median * 1000:.0f} ms")
    print(
        f"verify audit chain ({args.entries} entries): best {verify_best * 1000:.0f} ms, median {verify_median * 1000:.0f} ms"
    )
    print(f"dsar verify (cipher_integrity_check + integrity_check + chain): best {full_best * 1000:.0f} ms")


if __name__ == "__main__":
    main()
