# Sourced by bin/demo and bin/test: make .venv with Python 3.12+ and install the project into it.
# Reinstalls only when pyproject.toml changed since the last install.
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
stempel=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)${extras:+-$extras}"
if [ ! -e "$stempel" ]; then
  echo "==> pakketten installeren${extras:+ (met $extras)}"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
  touch "$stempel"
fi
