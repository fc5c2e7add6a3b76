# Sourced by bin/demo and bin/test: make .venv with Python 3.12+ and install the project into it.
# Installs from the lock file (requirements.lock, or requirements-test.lock for `test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

zoek_python() {
  local kandidaat
  for kandidaat in "${KVO_PYTHON:-}" python3.13 python3.12 python3; do
    [ -n "$kandidaat" ] || continue
    if command -v "$kandidaat" >/dev/null 2>&1 && "$kandidaat" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$kandidaat"; return 0
    fi
  done
  for kandidaat in "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
    if [ -x "$kandidaat" ] && "$kandidaat" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$kandidaat"; return 0
    fi
  done
  return 1
}

extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
  PY=$(zoek_python) || { echo "Python 3.12 of nieuwer is nodig (Django 6). Zet KVO_PYTHON=/pad/naar/python3.12." >&2; exit 1; }
  echo "==> virtuele omgeving maken met $PY"
  "$PY" -m venv .venv
fi
# Installs exactly the lock file (every package pinned with its hashes; bin/lock writes it), then the
# project itself without resolving anything. Reinstalls only when the lock file or pyproject.toml changed.
lock="requirements${extras:+-$extras}.lock"
stempel=".venv/.installed-$(cat "$lock" pyproject.toml | sha256sum | cut -c1-16)${extras:+-$extras}"
if [ ! -e "$stempel" ]; then
  echo "==> pakketten installeren uit $lock"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q --require-hashes -r "$lock"
  .venv/bin/python -m pip install -q --no-deps -e .
  touch "$stempel"
fi
