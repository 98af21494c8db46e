#!/usr/bin/env bash
# Tests the Debian package for real, in a minimal Debian 12 (bookworm) root made by debootstrap,
# so that nothing of the build machine leaks in (no Swift, no build folder):
#   1. lintian reports no error; the unit file passes systemd-analyze verify;
#   2. apt installs the .deb there, its dependencies coming from the mirror;
#   3. minsheng --version, check and convert on the Samples (check's JSON equal to the build
#      machine's), minsheng-web started as the service would be (web.env read by root, run as the
#      user minsheng) answering /healthz and a check upload, with and without its token;
#   4. the data files missing: a Chinese sentence naming the file and status 2, never a crash;
#      a copy of the binary elsewhere finds them, or MINSHENG_TEMPLATES does;
#   5. an upgrade and remove keep /var/lib/minsheng and the edited web.env; purge removes them.
# Usage: scripts/test-package.sh [DEB]   (default: the newest dist/minsheng_*_<this arch>.deb)
# Needs root (debootstrap, chroot, mount), debootstrap, lintian, curl.
# MINSHENG_DEB_MIRROR overrides the mirror; the bare root is kept in .build-deb/base and copied
# for each run (remove the folder to make it anew).
set -euo pipefail
cd "$(dirname "$0")/.."

deb="${1:-$(ls -t dist/minsheng_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -n1)}"
if [ -z "$deb" ] || [ ! -f "$deb" ]; then echo "no package: run make package first" >&2; exit 1; fi
version="$(dpkg-deb --field "$deb" Version)"
echo "== testing $deb (version $version)"
mkdir -p .build-deb
failures=0
passed=0
pass() { passed=$((passed + 1)); echo "  ok: $*"; }
fail() { failures=$((failures + 1)); echo "  FAILED: $*"; }

# 1. lintian and the unit file.
echo "== lintian"
lintian_out="$(lintian --allow-root --display-info --fail-on none "$deb" 2>&1 || true)"
echo "$lintian_out" > .build-deb/lintian.log
# Errors and warnings in full; the notes (I:, mostly English words misspelt inside the Swift
# runtime) counted, all of them in .build-deb/lintian.log.
echo "$lintian_out" | grep -E '^[EW]: ' | sed 's/^/  /' || true
echo "  ($(echo "$lintian_out" | grep -c '^I: ' || true) notes (I:) in .build-deb/lintian.log)"
if echo "$lintian_out" | grep -q '^E: '; then fail "lintian reports errors"; else pass "lintian: no error"; fi

unit=packaging/minsheng-web.service
for key in NoNewPrivileges=yes ProtectSystem=strict PrivateTmp=yes ProtectHome=yes \
    ReadWritePaths=/var/lib/minsheng EnvironmentFile=/etc/minsheng/web.env User=minsheng \
    ExecStart=/usr/bin/minsheng-web WantedBy=multi-user.target; do
    if grep -qx "$key" "$unit"; then pass "unit has $key"; else fail "unit lacks $key"; fi
done

# 2. A fresh root, and the package installed in it with apt.
mirror="${MINSHENG_DEB_MIRROR:-}"
if [ -z "$mirror" ]; then
    mirror="$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"
base=.build-deb/base
if [ ! -f "$base/.minsheng-complete" ]; then
    echo "== debootstrap --variant=minbase bookworm $base $mirror"
    rm -rf --one-file-system "$base"
    debootstrap --variant=minbase bookworm "$base" "$mirror" > .build-deb/debootstrap.log 2>&1 \
        || { tail -n 30 .build-deb/debootstrap.log; exit 1; }
    touch "$base/.minsheng-complete"
fi
root="$PWD/.build-deb/root"
cleanup() {
    if [ -n "${web_pid:-}" ]; then kill "$web_pid" 2>/dev/null || true; fi
    if mountpoint -q "$root/proc"; then umount -l "$root/proc" || true; fi
}
trap cleanup EXIT
cleanup
rm -rf --one-file-system "$root"
cp -a "$base" "$root"
# /proc only (the binaries find themselves through /proc/self/exe); debootstrap made /dev's nodes,
# and rm --one-file-system never goes into a mount left by a killed run.
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }

if in_root sh -c 'command -v swift || ls /usr/lib/swift /opt/swift' >/dev/null 2>&1; then
    fail "the root has Swift"; else pass "no Swift in the root"; fi
cp "$deb" "$root/tmp/"
echo "== apt-get install ./$(basename "$deb") (in the root)"
in_root apt-get update -qq
if in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" \
    > .build-deb/apt-install.log 2>&1; then
    pass "apt installed the package and its dependencies"
    grep -E '^(Setting up|Unpacking) ' .build-deb/apt-install.log | sed 's/^/    /'
else
    cat .build-deb/apt-install.log; fail "apt-get install"; exit 1
fi
missing_libs="$(in_root ldd /usr/bin/minsheng /usr/bin/minsheng-web | grep 'not found' || true)"
if [ -z "$missing_libs" ]; then pass "ldd: every library found"; else fail "ldd: $missing_libs"; fi
if in_root getent passwd minsheng >/dev/null && [ -d "$root/var/lib/minsheng" ]; then
    pass "postinst made the user minsheng and /var/lib/minsheng ($(in_root stat -c '%U:%G %a' /var/lib/minsheng))"
else fail "postinst: user or /var/lib/minsheng missing"; fi
env_mode="$(in_root stat -c '%U:%G %a' /etc/minsheng/web.env)"
if [ "$env_mode" = "root:root 600" ]; then pass "web.env is $env_mode"; else fail "web.env is $env_mode"; fi

if command -v systemd-analyze >/dev/null 2>&1; then
    # The installed unit, its ExecStart pointed at the root's binary (the root has no systemd).
    units="$(mktemp -d)"
    sed "s|^ExecStart=/usr/bin/|ExecStart=$root/usr/bin/|" "$root/lib/systemd/system/minsheng-web.service" \
        > "$units/minsheng-web.service"
    if out="$(systemd-analyze verify --man=no "$units/minsheng-web.service" 2>&1)"; then
        pass "systemd-analyze verify minsheng-web.service${out:+ ($out)}"
    else
        echo "$out" | sed 's/^/    /'; fail "systemd-analyze verify"
    fi
    exposure="$(systemd-analyze security --offline=true "$units/minsheng-web.service" 2>/dev/null | grep -o 'Overall exposure level.*' || true)"
    if [ -n "$exposure" ]; then echo "  systemd-analyze security: $exposure"; fi
    rm -rf "$units"
else
    echo "  (systemd-analyze not here: the unit was checked by its content only)"
fi

# 3. The CLI on the Samples.
echo "== the CLI in the root"
got="$(in_root minsheng --version)"
if [ "$got" = "$version" ]; then pass "minsheng --version = $got"; else fail "minsheng --version = $got, package $version"; fi
got="$(in_root minsheng-web --version)"
if [ "$got" = "$version" ]; then pass "minsheng-web --version = $got"; else fail "minsheng-web --version = $got"; fi
mkdir -p "$root/tmp/work/out"
cp -r Samples "$root/tmp/work/samples"
# Status 1 means error findings (the samples have real ones); 2 or more is a failure.
status=0
in_root sh -c 'cd /tmp/work && minsheng check samples --as-of 2023-10-31 --format json' > .build-deb/check-root.json 2> .build-deb/check-root.err || status=$?
if [ "$status" -le 1 ] && grep -q '"files"' .build-deb/check-root.json; then
    pass "minsheng check samples: status $status, $(grep -o '"code"' .build-deb/check-root.json | wc -l) findings"
else cat .build-deb/check-root.err; fail "minsheng check: status $status"; fi
# The same JSON as the build machine's release binary on the same files.
host_bin="$(swift build -c release --static-swift-stdlib --scratch-path "${MINSHENG_RELEASE_SCRATCH:-.build-release}" --show-bin-path 2>/dev/null || true)"
if [ -x "$host_bin/minsheng" ]; then
    mkdir -p .build-deb/work && rm -rf .build-deb/work/samples && cp -r Samples .build-deb/work/samples
    (cd .build-deb/work && "$host_bin/minsheng" check samples --as-of 2023-10-31 --format json > ../check-host.json 2>/dev/null) || true
    if cmp -s .build-deb/check-root.json .build-deb/check-host.json; then
        pass "check's JSON in the root is byte for byte the build machine's"
    else fail "check's JSON differs from the build machine's (.build-deb/check-{root,host}.json)"; fi
fi
status=0
in_root sh -c 'cd /tmp/work && minsheng convert samples -o out/进展.xlsx --as-of 2023-10-31 --quiet' > .build-deb/convert.log 2>&1 || status=$?
in_root minsheng dump /tmp/work/out/进展.xlsx > .build-deb/convert-dump.txt 2>&1 || true
if [ "$status" -le 1 ] && [ -s "$root/tmp/work/out/进展.xlsx" ] && grep -q '民生实事进展情况' .build-deb/convert-dump.txt \
    && grep -q '000-镜湖区-进展情况' .build-deb/convert-dump.txt; then
    pass "minsheng convert samples: status $status, $(stat -c %s "$root/tmp/work/out/进展.xlsx") bytes, read back by dump"
else cat .build-deb/convert.log; fail "minsheng convert: status $status"; fi
status=0
in_root minsheng split /tmp/work/samples/002-亳州-分解表-分列.xlsx -o /tmp/work/out/templates --period 1-9月 > .build-deb/split.log 2>&1 || status=$?
if [ "$status" -eq 0 ] && ls "$root/tmp/work/out/templates/"*.xlsx >/dev/null 2>&1; then
    pass "minsheng split: $(ls "$root/tmp/work/out/templates/" | wc -l) templates"
else cat .build-deb/split.log; fail "minsheng split: status $status"; fi

# minsheng-web as the service runs it: root reads web.env, the server runs as minsheng.
echo "== minsheng-web in the root"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
token="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
cp "$root/etc/minsheng/web.env" .build-deb/web.env.orig
printf 'MINSHENG_WEB_HOST=127.0.0.1\nMINSHENG_WEB_PORT=%s\nMINSHENG_WEB_TOKEN=%s\nMINSHENG_WEB_JOBS=2\n' "$port" "$token" \
    >> "$root/etc/minsheng/web.env"
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 /bin/sh -c \
    'set -a; . /etc/minsheng/web.env; set +a; cd /var/lib/minsheng; exec setpriv --reuid=minsheng --regid=minsheng --init-groups --no-new-privs /usr/bin/minsheng-web' \
    > .build-deb/web.log 2>&1 &
web_pid=$!
up=""
for _ in $(seq 1 100); do
    if curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/healthz" > .build-deb/healthz.out 2>/dev/null; then up=yes; break; fi
    if ! kill -0 "$web_pid" 2>/dev/null; then break; fi
    sleep 0.2
done
if [ -n "$up" ]; then pass "GET /healthz: $(cat .build-deb/healthz.out) ($(head -n1 .build-deb/web.log))"; else cat .build-deb/web.log; fail "minsheng-web did not answer /healthz"; fi
server_uid="$(stat -c %u "/proc/$web_pid" 2>/dev/null || true)"
if [ -n "$server_uid" ] && [ "$server_uid" = "$(in_root id -u minsheng)" ]; then
    pass "the server runs as the user minsheng (uid $server_uid)"; else fail "the server runs as uid '${server_uid}'"; fi
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")"
if [ "$code" = 401 ]; then pass "without the token: 401"; else fail "without the token: $code"; fi
code="$(curl -s -o .build-deb/upload.json -w '%{http_code}' -H "Authorization: Bearer $token" \
    -F "file=@Samples/000-镜湖区-进展情况.xlsx" "http://127.0.0.1:$port/api/check")"
if [ "$code" = 200 ] && grep -q '000-镜湖区-进展情况.xlsx' .build-deb/upload.json && grep -q '"code"' .build-deb/upload.json; then
    pass "POST /api/check: 200, $(grep -o '"code"' .build-deb/upload.json | wc -l) findings for 000-镜湖区-进展情况.xlsx"
else head -c 600 .build-deb/upload.json; echo; fail "POST /api/check: $code"; fi
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/")"
if [ "$code" = 200 ]; then pass "GET /: 200 (index.html from /usr/share/minsheng)"; else fail "GET /: $code"; fi
kill -TERM "$web_pid"
status=0
wait "$web_pid" || status=$?
web_pid=""
if [ "$status" -eq 0 ]; then pass "SIGTERM: minsheng-web exited 0"; else fail "SIGTERM: status $status"; fi
cp .build-deb/web.env.orig "$root/etc/minsheng/web.env"
# Wrong options in web.env stop it at once with status 64 and the reason (the unit then does not
# restart it): another address without a token, a port that is not a number.
for bad in "MINSHENG_WEB_HOST=0.0.0.0" "MINSHENG_WEB_PORT=八千"; do
    status=0
    message="$(in_root env "$bad" timeout 20 minsheng-web 2>&1 >/dev/null)" || status=$?
    if [ "$status" -eq 64 ] && [ -n "$message" ]; then
        pass "$bad: status 64, “$(echo "$message" | grep -v '^$' | head -n1 | cut -c1-100)”"
    else fail "$bad: status $status, “$message”"; fi
done

# 4. Without the data files, or from a copy elsewhere.
echo "== missing data files and copied binaries"
mkdir -p "$root/opt/copy"
cp "$root/usr/bin/minsheng" "$root/opt/copy/minsheng"
status=0
in_root /opt/copy/minsheng check /tmp/work/samples/000-镜湖区-进展情况.xlsx > /dev/null 2>&1 || status=$?
if [ "$status" -le 1 ]; then pass "a copy in /opt/copy finds /usr/share/minsheng (status $status)"; else fail "a copy in /opt/copy: status $status"; fi
mv "$root/usr/share/minsheng" "$root/usr/share/minsheng.away"
for exe in /usr/bin/minsheng /opt/copy/minsheng; do
    status=0
    message="$(in_root "$exe" check /tmp/work/samples/000-镜湖区-进展情况.xlsx 2>&1 >/dev/null)" || status=$?
    if [ "$status" -eq 2 ] && echo "$message" | grep -q '找不到' && echo "$message" | grep -q '\.json'; then
        pass "$exe without its data files: status 2, “$(echo "$message" | head -n1 | cut -c1-160)…”"
    else fail "$exe without its data files: status $status, “$message”"; fi
done
mkdir -p "$root/tmp/templates"
cp "$root/usr/share/minsheng.away/"*.json "$root/tmp/templates/"
status=0
in_root env MINSHENG_TEMPLATES=/tmp/templates /opt/copy/minsheng check /tmp/work/samples/000-镜湖区-进展情况.xlsx > /dev/null 2>&1 || status=$?
if [ "$status" -le 1 ]; then pass "the copy with MINSHENG_TEMPLATES=/tmp/templates works (status $status)"; else fail "MINSHENG_TEMPLATES: status $status"; fi
status=0
message="$(in_root timeout 20 minsheng-web --port 0 2>&1 >/dev/null)" || status=$?
if [ "$status" -eq 2 ] && echo "$message" | grep -q '找不到'; then
    pass "minsheng-web without its data files: status 2, “$(echo "$message" | head -n1 | cut -c1-120)…”"
else fail "minsheng-web without its data files: status $status, “$message”"; fi
mv "$root/usr/share/minsheng.away" "$root/usr/share/minsheng"

# 5. Upgrade keeps the edited options and the data; remove keeps them; purge removes them.
echo "== upgrade, remove and purge"
touch "$root/var/lib/minsheng/kept"
echo "MINSHENG_WEB_PORT=9000" >> "$root/etc/minsheng/web.env"
# The same package under a higher version, as the next release would come.
rm -rf .build-deb/upgrade && dpkg-deb -R "$deb" .build-deb/upgrade
sed -i "s/^Version: .*/Version: $version+upgrade1/" .build-deb/upgrade/DEBIAN/control
dpkg-deb --root-owner-group -Zgzip -z1 --build .build-deb/upgrade "$root/tmp/upgrade.deb" >/dev/null
rm -rf .build-deb/upgrade
if in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/upgrade.deb > .build-deb/apt-upgrade.log 2>&1 \
    && [ "$(in_root dpkg-query -W -f '${Version}' minsheng)" = "$version+upgrade1" ] \
    && grep -q 9000 "$root/etc/minsheng/web.env" && [ -f "$root/var/lib/minsheng/kept" ] \
    && [ "$(in_root stat -c '%U:%G %a' /etc/minsheng/web.env)" = "root:root 600" ]; then
    pass "upgrade to $version+upgrade1: the edited web.env (still 600) and /var/lib/minsheng kept"
else cat .build-deb/apt-upgrade.log; fail "upgrade"; fi
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q minsheng > .build-deb/apt-remove.log 2>&1 || { cat .build-deb/apt-remove.log; fail "apt-get remove"; }
if [ ! -e "$root/usr/bin/minsheng" ] && [ -f "$root/var/lib/minsheng/kept" ] && grep -q 9000 "$root/etc/minsheng/web.env"; then
    pass "remove: binaries gone, /var/lib/minsheng and the edited web.env kept"
else fail "remove"; fi
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q minsheng > .build-deb/apt-purge.log 2>&1 || { cat .build-deb/apt-purge.log; fail "apt-get purge"; }
if [ ! -e "$root/var/lib/minsheng" ] && [ ! -e "$root/etc/minsheng" ]; then
    pass "purge: /var/lib/minsheng and /etc/minsheng gone"
else fail "purge left $(ls -d "$root/var/lib/minsheng" "$root/etc/minsheng" 2>/dev/null)"; fi

echo "package: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
