#!/usr/bin/env bash
# Runs a command inside a throwaway D-Bus session that has an unlocked gnome-keyring, so tests can
# use a real Secret Service (keytar, libsecret) without a desktop session.
#
#   bash scripts/with-keyring.sh npx vitest run test/integration/vault
#
# The keyring lives in a temporary HOME/XDG tree that is deleted afterwards: the user's own
# keyring is never read or written. The command itself keeps the caller's HOME and XDG variables
# (npm, Playwright and friends keep their caches there). Exits with the command's exit code.
# Where dbus-run-session or gnome-keyring-daemon is missing (macOS, Windows, minimal Linux) the
# command runs as is: the tests that need a Secret Service then skip themselves and say why.
set -uo pipefail

XDG_VARS=(XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR)

if [[ "${WITH_KEYRING_INSIDE:-}" == 1 ]]; then
  unset WITH_KEYRING_INSIDE
  # started by the outer half below, with HOME and XDG_* pointing into the temporary tree
  password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  # --unlock reads the password from stdin, creates the login keyring with it and leaves it unlocked
  if ! printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>"$HOME/keyring.log"; then
    echo "with-keyring: gnome-keyring-daemon non è partito:" >&2
    cat "$HOME/keyring.log" >&2
  fi
  unset password
  # wait (briefly) until the daemon owns the Secret Service name, so the first client call finds it
  if command -v gdbus >/dev/null 2>&1; then
    for _ in $(seq 1 50); do
      if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; then
        break
      fi
      sleep 0.1
    done
  fi
  # give the command back the caller's environment; only the bus address is new
  export HOME="$WITH_KEYRING_ORIG_HOME"
  for var in "${XDG_VARS[@]}"; do
    flag="WITH_KEYRING_HAD_$var"
    saved="WITH_KEYRING_ORIG_$var"
    if [[ "${!flag}" == 1 ]]; then export "$var=${!saved}"; else unset "$var"; fi
    unset "$flag" "$saved"
  done
  unset WITH_KEYRING_ORIG_HOME
  export SPORTELLO_TEST_KEYRING=1
  "$@"
  exit $?
fi

if [[ $# -eq 0 ]]; then
  echo "uso: bash scripts/with-keyring.sh <comando> [argomenti...]" >&2
  exit 2
fi

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: dbus-run-session o gnome-keyring-daemon non disponibili: eseguo il comando senza keyring di prova." >&2
  "$@"
  exit $?
fi

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/sportello-keyring.XXXXXXXX")"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/run" "$tmp/services"
chmod 700 "$tmp" "$tmp/run"

# A private session bus that activates nothing: the keyring daemon is started by hand (above), and
# there is no display for an unlock prompt anyway (it would only fail noisily, a window per try).
cat >"$tmp/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$tmp/run</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

export WITH_KEYRING_ORIG_HOME="${HOME:-}"
for var in "${XDG_VARS[@]}"; do
  if [[ -n "${!var+x}" ]]; then
    export "WITH_KEYRING_HAD_$var=1" "WITH_KEYRING_ORIG_$var=${!var}"
  else
    export "WITH_KEYRING_HAD_$var=0" "WITH_KEYRING_ORIG_$var="
  fi
done

# the keyring daemon inherits the temporary tree: its keyring files and sockets stay out of HOME
HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  XDG_RUNTIME_DIR="$tmp/run" \
  WITH_KEYRING_INSIDE=1 dbus-run-session --config-file="$tmp/session.conf" -- bash "$self" "$@"
status=$?
exit "$status"
