#!/usr/bin/env bash
# Adds an EF Core migration for both databases: scripts/add-migration.sh NAME
# The SQLite migration goes to Data/Migrations/Sqlite (PolicyDbContext), the PostgreSQL one to
# Data/Migrations/Postgres (PostgresPolicyDbContext), so the two histories stay in step.
# Runs ef.dll from the Microsoft.EntityFrameworkCore.Tools package that restore brings in,
# against the Web project's build output; the design-time factories in Data/ build the contexts
# without opening a connection, so no database server needs to be running.
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

add() {
  local context="$1" folder="$2"
  dotnet exec \
    --depsfile "$out/PolicyTracker.Web.deps.json" \
    --additionalprobingpath "$packages" \
    --runtimeconfig "$out/PolicyTracker.Web.runtimeconfig.json" \
    "$ef" migrations add "$name" \
    --assembly "$out/PolicyTracker.Web.dll" \
    --startup-assembly "$out/PolicyTracker.Web.dll" \
    --project-dir "$project/" \
    --output-dir "Data/Migrations/$folder" \
    --root-namespace PolicyTracker.Web \
    --language C# \
    --framework net10.0 \
    --working-dir "$project" \
    --context "$context"
}

add PolicyDbContext Sqlite
add PostgresPolicyDbContext Postgres
