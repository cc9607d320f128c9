#!/usr/bin/env bash
# Adds an EF Core migration for the SQLite schema: scripts/add-migration.sh NAME
# Runs ef.dll from the Microsoft.EntityFrameworkCore.Tools package that restore brings in,
# against the Web project's build output; the design-time factory in Data/ builds the context.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 MIGRATION_NAME" >&2
  exit 2
fi

name="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/src/PolicyTracker.Web"
configuration="Debug"
out="$project/bin/$configuration/net10.0"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
version="$(sed -n 's/.*PackageVersion Include="Microsoft.EntityFrameworkCore.Tools" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
ef="$packages/microsoft.entityframeworkcore.tools/$version/tools/net8.0/any/ef.dll"

dotnet build "$project" -c "$configuration" --nologo -v quiet

if [[ ! -f "$ef" ]]; then
  echo "ef.dll not found at $ef; run 'dotnet restore' first" >&2
  exit 1
fi

dotnet exec \
  --depsfile "$out/PolicyTracker.Web.deps.json" \
  --additionalprobingpath "$packages" \
  --runtimeconfig "$out/PolicyTracker.Web.runtimeconfig.json" \
  "$ef" migrations add "$name" \
  --assembly "$out/PolicyTracker.Web.dll" \
  --startup-assembly "$out/PolicyTracker.Web.dll" \
  --project-dir "$project/" \
  --output-dir Data/Migrations/Sqlite \
  --root-namespace PolicyTracker.Web \
  --language C# \
  --framework net10.0 \
  --working-dir "$project" \
  --context PolicyDbContext
