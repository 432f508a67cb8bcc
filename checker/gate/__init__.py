"""The CI gate: `checker check` against an accepted baseline, `checker baseline`, `checker config`."""
