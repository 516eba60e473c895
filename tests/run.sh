#!/usr/bin/env bash
# Builds the solution in Release and runs every test project; the last line is "N passed, N failed[, N skipped]".
# This is the README's test command and what CI runs. It installs what the tests need (NuGet restore and the
# MongoDB wire server's npm packages) and the test fixtures start the servers themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for setup in tests/*/setup.sh; do
  [ -f "$setup" ] && bash "$setup"
done

dotnet restore PipelineSdk.sln
dotnet build PipelineSdk.sln -c Release --no-restore -warnaserror

results="$root/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test PipelineSdk.sln -c Release --no-build --logger trx --results-directory "$results" "$@" || status=$?

python3 "$root/tests/tools/sum-trx.py" "$results" || status=1
exit $status
