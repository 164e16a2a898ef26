#!/usr/bin/env bash
# Adds a migration with the same name to both provider migration sets.
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Headroom --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Headroom.Data.Migrations.$provider"
  # EF writes the snapshot under a folder named after the namespace; keep it beside the migrations.
  if [ -f "src/Headroom/Headroom/Data/Migrations/$provider/${provider}AppDbContextModelSnapshot.cs" ]; then
    mv "src/Headroom/Headroom/Data/Migrations/$provider/${provider}AppDbContextModelSnapshot.cs" "src/Headroom/Data/Migrations/$provider/"
  fi
done
rm -rf src/Headroom/Headroom src/Headroom/design.db*
