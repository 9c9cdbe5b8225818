#!/usr/bin/env bash
# Builds the Linux app image and .deb, extracts the .deb like an installation would lay it out,
# and starts the packaged app headless (Xvfb) to prove it really launches:
#   - the window's first screen is drawn, the database is created in a temporary data folder,
#     the app exits cleanly (exit status 0, no H2 trace file);
#   - the second start (an existing database: the everyday cold start) uses the shipped AOT cache;
#   - nothing is written outside the data folder (no ~/.openjfx native-library cache; with strace:
#     no file created or written anywhere but the data folder, /dev and the caches GTK and Mesa
#     keep under ~/.cache);
#   - the command-line backup works in the installed layout;
#   - the .deb declares its GTK dependencies, the desktop entry and the .vcf/.ics file types.
#
# Usage: packaging/smoke-test.sh [--no-build]      (needs xvfb-run; strace is optional)
# Environment: JAVA_HOME (JDK 25), DESKCRM_SMOKE_TIMEOUT (seconds per start, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[ "${1:-}" = "--no-build" ] && build=0
timeout_s=${DESKCRM_SMOKE_TIMEOUT:-300}

fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

command -v xvfb-run >/dev/null || fail "xvfb-run is missing (apt-get install -y xvfb)"

if [ "$build" = 1 ]; then
  step "Building the app image and the .deb (./mvnw -B -Pinstaller -pl packaging -am package -DskipTests)"
  start=$(date +%s)
  # gzip: the .deb's compression does not change what is tested, and xz takes minutes.
  ./mvnw -B -q -Pinstaller -pl packaging -am package -DskipTests -Ddeskcrm.deb.compression=gzip
  echo "   built in $(( $(date +%s) - start )) s"
fi

deb=$(ls packaging/target/installer/*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || fail "no .deb in packaging/target/installer"
step "Package $deb ($(du -h "$deb" | cut -f1))"

work=$(mktemp -d "${TMPDIR:-/tmp}/deskcrm-smoke.XXXXXX")
[ -n "${DESKCRM_SMOKE_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# --- the package's metadata ---------------------------------------------------------------
info=$(dpkg-deb -I "$deb")
depends=$(echo "$info" | sed -n 's/^ *Depends: //p')
for dep in libgtk-3-0 libgl1 libxtst6 xdg-utils; do
  echo "$depends" | grep -q "$dep" || fail ".deb does not depend on $dep (Depends: $depends)"
done
echo "   Depends: $depends"
for script in postinst prerm postrm preinst; do
  dpkg-deb --ctrl-tarfile "$deb" | tar -xO "./$script" 2>/dev/null | sh -n || fail "$script has a syntax error"
done

# --- "install": the files as dpkg would put them -------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
app="$root/opt/deskcrm"
launcher="$app/bin/DeskCRM"
[ -x "$launcher" ] || fail "no launcher $launcher"
[ -f "$app/lib/runtime/lib/libglass.so" ] || fail "JavaFX natives are not in the runtime (lib/runtime/lib/libglass.so)"
[ -f "$app/lib/app/deskcrm.aot" ] || fail "no AOT cache in the package"
grep -q -- '-XX:AOTCache=$APPDIR/deskcrm.aot' "$app/lib/app/DeskCRM.cfg" || fail "the launcher does not use the AOT cache"
desktop=$(ls "$app"/lib/*.desktop)
grep -q '^MimeType=.*text/vcard' "$desktop" || fail "desktop entry has no vCard file type"
grep -q '^MimeType=.*text/calendar' "$desktop" || fail "desktop entry has no iCalendar file type"
grep -q '^Exec=.* %f' "$desktop" || fail "desktop entry does not pass the opened file"
if unzip -l "$app/lib/app/"*.jar 2>/dev/null | grep -q 'libglass.*\.so'; then
  fail "a jar on the class path carries JavaFX natives (they would be extracted at run time)"
fi
echo "   runtime: $(du -sh "$app/lib/runtime" | cut -f1), app jars: $(du -shc "$app"/lib/app/*.jar | tail -n 1 | cut -f1), AOT cache: $(du -h "$app/lib/app/deskcrm.aot" | cut -f1)"

# --- start it --------------------------------------------------------------------------------
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
data="$work/data"
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS

run_app() { # log-file, then extra launcher args
  local log=$1; shift
  set +e
  timeout "$timeout_s" xvfb-run -a -s "-screen 0 1280x800x24" "$@" >"$log" 2>&1
  local status=$?
  set -e
  return $status
}

step "First start: new data folder, first-run screen"
trace=()
if command -v strace >/dev/null; then
  trace=(strace -f -qq -e trace=openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2 -o "$work/strace.log")
fi
run_app "$work/first.log" "${trace[@]}" "$launcher" --data-dir "$data" --exit-after-first-frame \
  || { cat "$work/first.log"; fail "the first start did not exit cleanly"; }
grep 'DeskCRM: first screen drawn' "$work/first.log" || { cat "$work/first.log"; fail "no first frame reported"; }
[ -f "$data/deskcrm.mv.db" ] || fail "no database in the data folder"
[ ! -e "$data/deskcrm.trace.db" ] || { cat "$data/deskcrm.trace.db"; fail "H2 wrote a trace file (unclean shutdown)"; }

step "Second start: existing database, sign-in screen, AOT cache"
export JAVA_TOOL_OPTIONS="-Xlog:aot=info:file=$work/aot.log"
run_app "$work/second.log" "$launcher" --data-dir "$data" --exit-after-first-frame \
  || { cat "$work/second.log"; fail "the second start did not exit cleanly"; }
unset JAVA_TOOL_OPTIONS
grep 'DeskCRM: first screen drawn' "$work/second.log" || { cat "$work/second.log"; fail "no first frame reported"; }
grep -q 'Using AOT-linked classes: true' "$work/aot.log" || { grep -iE 'error|warn|mismatch|fail' "$work/aot.log" | head -20; fail "the AOT cache was not used"; }
echo "   AOT cache used"

step "Nothing written outside the data folder"
[ ! -e "$HOME/.openjfx" ] || fail "JavaFX extracted native libraries to ~/.openjfx"
outside=$(cd "$HOME" && find . -mindepth 1 -not -path './.cache' -not -path './.cache/*' | head -20)
[ -z "$outside" ] || fail "files written to the home folder: $outside"
if [ -f "$work/strace.log" ]; then
  # Created or written files (O_CREAT/O_WRONLY/O_RDWR, mkdir, rename) outside the allowed places.
  written=$(grep -E 'O_CREAT|O_WRONLY|O_RDWR|mkdir|rename' "$work/strace.log" | grep -v ' = -1 ' \
    | grep -oE '"[^"]+"' | tr -d '"' | sort -u \
    | grep -vE "^($data|/dev|/proc|/sys|$HOME/\.cache)(/|$)" || true)
  [ -z "$written" ] || fail "files written outside the data folder: $written"
  echo "   checked with strace"
fi

step "Command line: backup and list"
"$launcher" --data-dir "$data" --backup >"$work/backup.log" 2>&1 || { cat "$work/backup.log"; fail "--backup failed"; }
zip=$(ls "$data"/backups/*.zip 2>/dev/null | head -n 1 || true)
[ -n "$zip" ] || fail "--backup wrote no zip"
"$launcher" --data-dir "$data" --list-backups 2>/dev/null | grep -qF "$zip" || fail "--list-backups does not list $zip"

echo "SMOKE TEST PASSED: the packaged app launches, creates its database, uses its AOT cache and exits cleanly"
