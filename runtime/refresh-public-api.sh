#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every package project to the public surface the compiler sees, generated types
# included: one build reports each public symbol missing from the files (RS0016) and each listed one that is gone
# (RS0017); the script adds the first and removes the second. Run it after a change to the public API and review the
# diff. (dotnet format's RS0016 fix skips the generator's output, so it cannot do this alone.)
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The CLI references the four libraries, so this builds all five; warnings stay warnings so every one is reported.
dotnet build runtime/PipelineSdk.Cli/PipelineSdk.Cli.csproj -c Release --no-incremental -p:TreatWarningsAsErrors=false -clp:NoSummary > "$log" || true

python3 - "$log" <<'PY'
import os, re, sys

added, removed = {}, {}
pattern = re.compile(r": (?:warning|error) (RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+\.csproj)")
for line in open(sys.argv[1], encoding="utf-8"):
    match = pattern.search(line)
    if match:
        rule, symbol, project = match.groups()
        (added if rule == "RS0016" else removed).setdefault(os.path.dirname(project), set()).add(symbol)

for folder in sorted(set(added) | set(removed)):
    path = os.path.join(folder, "PublicAPI.Unshipped.txt")
    lines = {l for l in open(path, encoding="utf-8").read().splitlines() if l and l != "#nullable enable"}
    lines = (lines | added.get(folder, set())) - removed.get(folder, set())
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#nullable enable\n" + "".join(l + "\n" for l in sorted(lines, key=lambda l: l.encode())))
    print(f"{os.path.relpath(path)}: +{len(added.get(folder, ()))} -{len(removed.get(folder, ()))}")
PY
