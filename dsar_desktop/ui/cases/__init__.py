"""Case screens: dashboard, case list, case file, intake form, extension and refusal dialogs.

Nothing is imported here: the unlock window imports `cases.labels`, and importing the case file with it
would load the letters, reportlab and pyHanko before the window shows (see benchmarks/bench_startup.py).
"""
