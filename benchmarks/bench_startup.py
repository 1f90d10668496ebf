"""Start-up times of `dsar` commands and of the app to its unlock window, next to a bare `python -c pass`.

Each command runs in a fresh process, several rounds interleaved (so load from other work on the machine
hits them alike); wall time and the process's own CPU time (user + system) are printed, best and median.
The CPU time is the steadier figure on a shared machine. Run from the project root:

    .venv/bin/python benchmarks/bench_startup.py [--rounds 7]
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/bench_startup.py   # app on a real X
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

# The app probe: start the real entry (`run_gui`), stop as soon as the unlock window is shown.
APP_PROBE = """
import os, sys
from pathlib import Path
from dsar_desktop import app

def shown(shell):
    # run_gui calls this once the unlock window is shown and drawn (before the screens are imported)
    dialog = shell.unlock_dialog
    os._exit(0 if dialog is not None and dialog.isVisible() else 1)

app.install_screens = shown
app.run_gui(Path(sys.argv[1]), None, "en", None)
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process (fails loudly if the command fails)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--no-app", action="store_true", help="skip the app (no display)")
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        register = Path(tmp) / "bench.dsar"
        env["DSAR_PASSPHRASE"] = "startup-bench-passphrase-1"
        subprocess.run([PY, "-m", "dsar_desktop.cli", "--register", str(register), "--slot", "bench", "init"],
                       env=env, cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        dsar = [PY, "-m", "dsar_desktop.cli"]
        commands = {
            "python -c pass": [PY, "-c", "pass"],
            "dsar version": [*dsar, "version"],
            "dsar deadline --received 2027-07-15": [*dsar, "deadline", "--received", "2027-07-15"],
            "dsar case list (incl. Argon2id unlock)": [
                *dsar, "--register", str(register), "--slot", "bench", "case", "list",
            ],
        }  # fmt: skip
        if not args.no_app:
            commands["app to its unlock window"] = [PY, "-c", APP_PROBE, str(register)]
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for argv in commands.values():  # one warm-up round (page cache, .pyc files)
            run(argv, env)
        for _ in range(args.rounds):
            for name, argv in commands.items():
                times[name].append(run(argv, env))
    load = os.getloadavg()
    print(
        f"machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"rounds: {args.rounds}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    base_wall = min(w for w, _ in times["python -c pass"])
    base_cpu = min(c for _, c in times["python -c pass"])
    print(f"{'':40} {'wall best':>9} {'median':>7} {'CPU best':>9} {'median':>7} {'beyond python (CPU)':>20}")
    for name, samples in times.items():
        walls = [w for w, _ in samples]
        cpus = [c for _, c in samples]
        print(
            f"{name:40} {min(walls):8.3f}s {statistics.median(walls):6.3f}s {min(cpus):8.3f}s "
            f"{statistics.median(cpus):6.3f}s {min(cpus) - base_cpu:+19.3f}s"
        )
    print(f"bare python: wall {base_wall:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
