#!/usr/bin/env python3
"""Fuzzes Kino's JSON API from its own OpenAPI document with schemathesis.

Starts `kino serve` on a free port with a throwaway catalog and index, reads /api/v1/openapi.json, and runs
`st run` against it: the schema's examples, its boundary values (coverage phase) and random valid and invalid inputs
(fuzzing phase), a bounded number of cases per operation and a fixed seed, so a run takes a minute or two. Checks:
  not_a_server_error           no 5xx, no dropped connection
  status_code_conformance      every status is one the document lists
  content_type_conformance     every body has the documented media type
  response_schema_conformance  every body matches the documented schema
  negative_data_rejection      invalid parameters are refused with a 4xx (the API's contract: a 400 naming them)
Reports (JUnit XML, NDJSON events) and the server log go to the artifacts folder.

Run (after scripts/install-test-tools, with a kino built with `serve`):
    python3 Tests/Site/api_fuzz.py [--kino PATH] [--examples N] [--checks a,b] [--artifacts DIR]
KINO_BIN may name the binary instead (default .build/debug/kino); artifacts default to .build/test-artifacts/api-fuzz/.
Exits 0 when schemathesis found nothing, 1 otherwise.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kino_server import REPO, KinoServer, ServerError, default_binary, get_json  # noqa: E402

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance," \
         "negative_data_rejection"


def operations(schema):
    return [(method.upper(), path) for path, item in sorted(schema.get("paths", {}).items())
            for method in item if method in ("get", "post", "put", "patch", "delete", "head", "options")]


def toml_value(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string or number is a TOML one too


def write_config(config_path, schema, base):
    """A schemathesis.toml that feeds real film and person ids and real queries to the fuzzer half the time, so
    it reaches the films and people that exist (and not only 404s)."""
    search = get_json(base + "/api/v1/search?" + urllib.parse.urlencode({"q": "брат", "per_page": 20}))
    film_ids = [hit["id"] for hit in search.get("hits", [])][:20]
    person_ids = []

    def walk(value, inside_people=False):
        # The ids of the people a film names, whatever its JSON calls the lists they are in.
        if isinstance(value, dict):
            for key, item in value.items():
                people = inside_people or key in ("people", "directors", "cast", "actors", "writers", "crew",
                                                  "credits", "person")
                if people and key in ("id", "person_id") and isinstance(item, (int, str)):
                    person_ids.append(item)
                walk(item, people)
        elif isinstance(value, list):
            for item in value:
                walk(item, inside_people)
    for film_id in film_ids[:5]:
        walk(get_json(base + f"/api/v1/films/{urllib.parse.quote(str(film_id))}"))
    queries = ["брат", "Брат 2", "brat", "матрица", "матрца", "vfnhbwf", "The Matrix", "тарковский", "Nolan",
               "солярис 1972", "звёздные войны", "ыефк цфкы", "", "а", "<script>alert(1)</script>", "'; drop",
               "x" * 300, "%", "\\", "😀", "ё", "the", "1997"]
    lines = []
    if film_ids:
        lines += ["[dictionaries.film_ids]", f"values = [{', '.join(toml_value(v) for v in film_ids)}]", ""]
    person_ids = sorted(set(person_ids), key=str)[:20]
    if person_ids:
        lines += ["[dictionaries.person_ids]", f"values = [{', '.join(toml_value(v) for v in person_ids)}]", ""]
    lines += ["[dictionaries.queries]", f"values = [{', '.join(toml_value(v) for v in queries)}]", ""]
    for path, item in sorted(schema.get("paths", {}).items()):
        bindings = {}
        for operation in (item.get(m) for m in ("get",) if m in item):
            for parameter in (item.get("parameters") or []) + (operation.get("parameters") or []):
                name, where = parameter.get("name"), parameter.get("in")
                if where == "path" and "/films/" in path and film_ids:
                    bindings[f"path.{name}"] = "film_ids"
                elif where == "path" and "/people/" in path and person_ids:
                    bindings[f"path.{name}"] = "person_ids"
                elif where == "query" and name == "q":
                    bindings[f"query.{name}"] = "queries"
        if bindings:
            lines += ["[[operations]]", f"include-path = {toml_value(path)}",
                      "parameters = { " + ", ".join(f"{toml_value(k)} = {{ dictionary = {toml_value(v)}, "
                                                    f"probability = 0.5 }}" for k, v in bindings.items()) + " }", ""]
    with open(config_path, "w") as f:
        f.write("\n".join(lines))
    return film_ids, person_ids


def summarize(ndjson_path):
    """Cases per operation, evaluations per check, and the distinct failures, from schemathesis' NDJSON events."""
    cases, evaluations, failures, errors = {}, {}, {}, []
    if not os.path.exists(ndjson_path):
        return cases, evaluations, failures, errors
    with open(ndjson_path) as f:
        for line in f:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if not isinstance(event, dict):
                continue
            for kind in ("NonFatalError", "FatalError"):
                if kind in event:
                    value = event[kind].get("value") or {}
                    errors.append(f"{event[kind].get('label', '')}: {value.get('type', kind)}: "
                                  f"{value.get('message', '')}".strip())
            scenario = event.get("ScenarioFinished")
            if not scenario:
                continue
            recorder = scenario.get("recorder") or {}
            label = recorder.get("label", "?")
            cases[label] = cases.get(label, 0) + len(recorder.get("cases") or {})
            for checks in (recorder.get("checks") or {}).values():
                for check in checks:
                    evaluations[check.get("name")] = evaluations.get(check.get("name"), 0) + 1
                    if check.get("status") == "failure":
                        failure = (check.get("failure_info") or {}).get("failure") or {}
                        key = (failure.get("code"), failure.get("title"), label,
                               (failure.get("message") or "").strip())
                        failures[key] = failures.get(key, 0) + 1
    return cases, evaluations, failures, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kino", default=default_binary("debug"), help="the kino binary (env KINO_BIN)")
    parser.add_argument("--examples", type=int, default=40, help="cases per operation and phase (default 40)")
    parser.add_argument("--checks", default=CHECKS, help=f"schemathesis checks (default {CHECKS})")
    parser.add_argument("--artifacts", default=os.path.join(REPO, ".build", "test-artifacts", "api-fuzz"))
    parser.add_argument("--timeout", type=int, default=170, help="stop schemathesis after this many seconds")
    args = parser.parse_args()
    try:
        import schemathesis  # noqa: F401
    except ImportError:
        sys.exit("api fuzz: schemathesis is missing; run scripts/install-test-tools")
    st = [sys.executable, "-m", "schemathesis.cli"]  # the `st` script may not be on PATH (pip's --user, pyenv)
    os.makedirs(args.artifacts, exist_ok=True)

    started = time.monotonic()
    try:
        with KinoServer(args.kino, os.path.join(args.artifacts, "kino-serve.log")) as server:
            schema_url = server.base + "/api/v1/openapi.json"
            schema = get_json(schema_url)
            print(f"OpenAPI {schema.get('openapi')} document, {len(operations(schema))} operations:")
            for method, path in operations(schema):
                print(f"  {method} {path}")
            config = os.path.join(args.artifacts, "schemathesis.toml")
            film_ids, person_ids = write_config(config, schema, server.base)
            print(f"known ids fed to the fuzzer: {len(film_ids)} films, {len(person_ids)} people")
            for old in os.listdir(args.artifacts):
                if old.endswith((".ndjson", ".xml")):
                    os.remove(os.path.join(args.artifacts, old))
            ndjson = os.path.join(args.artifacts, "schemathesis.ndjson")
            command = st + [
                "--config-file", config, "run", schema_url, "--checks", args.checks,
                "--max-examples", str(args.examples), "--phases", "examples,coverage,fuzzing",
                "--seed", "20261128", "--workers", "2", "--request-timeout", "30", "--generation-database", "none",
                "--no-color", "--report", "junit,ndjson", "--report-junit-path", os.path.join(args.artifacts, "junit.xml"),
                "--report-ndjson-path", ndjson]
            servers = schema.get("servers") or []
            if servers and urllib.parse.urlsplit(servers[0].get("url", "")).scheme:
                # An absolute server address names some other host or port: keep its path, use ours.
                command += ["--url", server.base + urllib.parse.urlsplit(servers[0]["url"]).path]
            print("running: " + " ".join(command), flush=True)
            try:
                result = subprocess.run(command, cwd=args.artifacts, timeout=args.timeout)
                status = result.returncode
            except subprocess.TimeoutExpired:
                print(f"api fuzz: schemathesis did not finish within {args.timeout} s", file=sys.stderr)
                status = 124
            alive = server.alive()
            if not alive:
                print(f"api fuzz: kino serve died during the run; its log says:\n{server.crash_summary()}",
                      file=sys.stderr)
    except ServerError as error:
        sys.exit(f"api fuzz: {error}")

    cases, evaluations, failures, errors = summarize(ndjson)
    print(f"\napi fuzz: {time.monotonic() - started:.0f} s; reports, config and server log in {args.artifacts}")
    print("cases sent per operation:")
    for label, count in sorted(cases.items()):
        print(f"  {count:6}  {label}")
    print("checks evaluated: " + ", ".join(f"{name} {count}" for name, count in sorted(evaluations.items())))
    if failures:
        print("distinct failures (code, check, operation, cases):")
        for (code, title, label, message), count in sorted(failures.items(), key=lambda item: str(item[0])):
            print(f"  {code} {title}: {label} ({count} cases)")
            for line in message.splitlines()[:4]:
                print(f"      {line}")
    if errors:
        print("errors (a dropped connection or a server that went away is a crash):")
        for error in errors:
            lines = [line for line in error.splitlines() if line.strip()]
            print("  " + "\n      ".join(lines[:8]))
    if status == 0 and alive:
        print("api fuzz: passed, no server errors or schema violations found")
        return 0
    print(f"api fuzz: FAILED (schemathesis exit status {status}{'' if alive else ', server died'})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
