#!/usr/bin/env bash
# Creates a small demo repository for `claude-guard scan --git`: a few ordinary human commits and one
# Claude Code commit that adds a config file with a fake AWS key pair and a placeholder password.
#
#   scripts/make-demo-repo.sh /tmp/claude-guard-demo
#
# The folder is removed and created afresh on every run. The fake key is generated here at run time
# (random characters behind a prefix built by concatenation), so no realistic key is stored in this
# script. Fixed identities are passed with -c, so it works where git has no user configured.
set -eu

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 <dir>" >&2
  exit 2
fi
dir=$1
case "$dir" in
  / | "$HOME" | . | ..) echo "refusing to replace $dir" >&2; exit 2 ;;
esac

rm -rf -- "$dir"
mkdir -p -- "$dir"
cd -- "$dir"

# Random characters from a class, e.g. rand 16 'A-Z2-7'. (head closing the pipe early is expected.)
rand() {
  LC_ALL=C tr -dc "$2" </dev/urandom | head -c "$1" || true
}

# Identity and repeatable settings for every git call; no hooks, no signing, whatever the machine says.
HUMAN=(-c user.name="Dana Developer" -c user.email="dana@example.com")
g() {
  git -c commit.gpgsign=false -c core.hooksPath=/dev/null -c init.defaultBranch=main "$@"
}
tick=0
commit() {
  tick=$((tick + 1))
  local date="2025-01-0${tick}T10:00:00+00:00"
  GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date g "${HUMAN[@]}" commit -q "$@"
}

g init -q
g symbolic-ref HEAD refs/heads/main

mkdir -p src test config
cat >README.md <<'EOF'
# upload-service

Receives files and stores them in object storage.
EOF
cat >src/server.js <<'EOF'
import http from "node:http";

const port = Number(process.env.PORT ?? 8080);
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("ok\n");
}).listen(port);
EOF
g add -A
commit -m "Initial commit: HTTP server skeleton"

cat >src/storage.js <<'EOF'
export function objectKey(userId, fileName) {
  return `${userId}/${Date.now()}-${fileName.replace(/[^\w.-]/g, "_")}`;
}
EOF
cat >test/storage.test.js <<'EOF'
import { objectKey } from "../src/storage.js";
console.assert(objectKey("u1", "a b.txt").startsWith("u1/"));
EOF
g add -A
commit -m "Add object key helper and a test"

# The Claude Code commit: a fake AWS key pair built at run time, and a placeholder password.
key_id="AK""IA$(rand 16 'A-Z2-7')"
secret="$(rand 40 'A-Za-z0-9/+')"
cat >config/settings.yml <<EOF
storage:
  bucket: upload-service-files
  region: eu-west-1
  aws_access_key_id: ${key_id}
  aws_secret_access_key: ${secret}
database:
  host: localhost
  user: app
  password: changeme
EOF
cat >>src/storage.js <<'EOF'

export const settingsFile = new URL("../config/settings.yml", import.meta.url);
EOF
g add -A
commit -F - <<'EOF'
Add storage configuration for the upload service

Reads the bucket and credentials from config/settings.yml.

🤖 Generated with [Claude Code](https://claude.com/claude-code)

Co-Authored-By: Claude <noreply@anthropic.com>
EOF

cat >>README.md <<'EOF'

Run it with `node src/server.js`.
EOF
g add -A
commit -m "Document how to run the server"

echo "Demo repository ready in $(pwd): $(g rev-list --count HEAD) commits, one of them by Claude Code."
