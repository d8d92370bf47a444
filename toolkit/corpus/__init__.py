"""Corpus mode: a JSONL file or a folder of releases through the single-document pipeline.

sources.py reads the input into documents; store.py keeps the output files (append-only, resumable);
plan.py cuts the input into work units; translating.py and summarizing.py are the work done on a
unit (the same in every runner, tasks.py what they share); runners.py runs units in this process or
in worker processes, ray_runner.py on Ray Data; report.py shows progress and the closing table.
"""
