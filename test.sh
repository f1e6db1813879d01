#!/usr/bin/env bash
# Runs every Dray test on a fresh Debian machine with the .NET 10 SDK.
# Installs the system packages the tests need, builds once, runs all test projects,
# and ends with one line "N passed, N failed[, N skipped]" counted from the trx files.
#   ./test.sh                 install, build, test
#   ./test.sh --install-only  only install the system packages
#   extra arguments after "--" go to `dotnet test` (e.g. -- --filter FullyQualifiedName~Git)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

install_only=0
test_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --install-only) install_only=1; shift ;;
    --) shift; test_args=("$@"); break ;;
    *) echo "test.sh: unknown argument '$1' (use --install-only or -- <dotnet test args>)" >&2; exit 2 ;;
  esac
done

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# TestKit fixtures fail instead of skipping when a server binary is missing.
export DRAY_TEST_REQUIRE_INFRA=1

have_cmd() { command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" || -x "/usr/bin/$1" ]]; }
have_glob() { compgen -G "$1" >/dev/null 2>&1; }

# package -> check that it is present
missing=()
have_cmd git             || missing+=(git)
have_cmd nginx           || missing+=(nginx-light)
have_cmd fcgiwrap        || missing+=(fcgiwrap)
have_cmd htpasswd        || missing+=(apache2-utils)
have_cmd docker-registry || missing+=(docker-registry)
have_cmd skopeo          || missing+=(skopeo)
have_glob '/usr/lib/postgresql/*/bin/initdb' || missing+=(postgresql)
have_cmd prometheus      || missing+=(prometheus)
have_cmd chromium        || missing+=(chromium)
have_cmd jq              || missing+=(jq)
have_cmd envsubst        || missing+=(gettext-base)
have_cmd openssl         || missing+=(openssl)
have_cmd python3         || missing+=(python3)

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "test.sh: installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "test.sh: all system packages present"
fi

if [[ $install_only -eq 1 ]]; then
  exit 0
fi

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

dotnet build Dray.slnx -c Release -nologo -v minimal

# The tests run in their own process group, so that servers left behind by a crashed or hung test host can be
# ended with it.
set +e
setsid dotnet test Dray.slnx -c Release --no-build \
  --results-directory "$results" \
  --logger trx \
  --logger "console;verbosity=normal" \
  --blame-hang --blame-hang-timeout 10m --blame-hang-dump-type none \
  "${test_args[@]}" &
test_pid=$!
trap 'kill -TERM -- "-$test_pid" 2>/dev/null' INT TERM
wait "$test_pid"
test_rc=$?
trap - INT TERM
kill -KILL -- "-$test_pid" 2>/dev/null
set -e

# Count outcomes of every test result in every trx file.
summary=$(python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
failures = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        failures.append(f"unreadable trx {path}: {e}")
        failed += 1
        continue
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] != "UnitTestResult":
            continue
        outcome = el.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
            text = [f"{el.get('testName')} ({outcome}, {el.get('duration')})"]
            for part in el.iter():
                tag = part.tag.rsplit("}", 1)[-1]
                if tag in ("Message", "StackTrace") and part.text:
                    text.extend("    " + line for line in part.text.strip().splitlines()[:25])
            failures.append("\n".join(text))
# The failures go to stderr last, so that the tail of a CI log shows them next to the summary.
for failure in failures:
    print("FAILED " + failure, file=sys.stderr)
print(passed, failed, skipped)
PY
)
read -r passed failed skipped <<<"$summary"

line="$passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then line="$line, $skipped skipped"; fi
echo
echo "$line"

if [[ $failed -gt 0 ]]; then exit 1; fi
if [[ $passed -eq 0 ]]; then echo "test.sh: no test ran" >&2; exit 1; fi
if [[ $test_rc -ne 0 ]]; then echo "test.sh: dotnet test exited with $test_rc" >&2; exit "$test_rc"; fi
exit 0
