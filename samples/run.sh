#!/usr/bin/env bash
# The README's first command: packs the PipelineSdk packages into artifacts/packages, restores the sample reactor from that
# folder feed and runs it (the lifecycle of one job, ending in FINISHED, with its history). Arguments go to the
# sample: bash samples/run.sh --mongo mongodb://127.0.0.1:27017/catalog
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet pack runtime/PipelineSdk.Packages.slnf -c Release -o artifacts/packages -v quiet -nologo
# The same version re-packed: drop the sample's copies so the restore takes the new ones.
rm -rf samples/.packages/pipelinesdk samples/.packages/pipelinesdk.*
dotnet build samples/HelloReactor/HelloReactor.csproj -c Release -v quiet -nologo
dotnet run --project samples/HelloReactor/HelloReactor.csproj -c Release --no-build -- "$@"
