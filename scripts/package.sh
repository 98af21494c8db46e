#!/usr/bin/env bash
# Builds dist/minsheng_<version>_<arch>.deb (amd64 here): minsheng and minsheng-web built
# -c release with the Swift runtime linked statically, so that the package depends on Debian
# packages only.
#
# The version is the one `minsheng --version` prints (MinshengInfo.version in
# Sources/Minsheng/Minsheng.swift, the only place it is written). Depends is what dpkg-shlibdeps
# reads off the binaries, plus adduser for the service's user. Layout:
#   /usr/bin/minsheng, /usr/bin/minsheng-web
#   /usr/share/minsheng/*.json, index.html   (the data files of Templates/ and the web page)
#   /lib/systemd/system/minsheng-web.service  (not enabled on install)
#   /etc/minsheng/web.env                     (conffile, mode 0600: it holds the token)
#   /usr/share/doc/minsheng/{copyright,changelog.gz,README.Debian}
#   /usr/share/man/man1/minsheng.1.gz, minsheng-web.1.gz (help2man, from --help)
# Needs: swift, dpkg-dev (dpkg-shlibdeps), binutils (strip), help2man; `make package` installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${MINSHENG_RELEASE_SCRATCH:-.build-release}"
# Full RELRO (-z relro -z now): the binaries' relocations are read-only once they have started.
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch"
    -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now)
echo "== ${build[*]} --product minsheng / minsheng-web"
"${build[@]}" --product minsheng
"${build[@]}" --product minsheng-web
bin="$("${build[@]}" --show-bin-path)"

version="$("$bin/minsheng" --version)"
web_version="$("$bin/minsheng-web" --version)"
if [ "$version" != "$web_version" ]; then
    echo "minsheng --version ($version) and minsheng-web --version ($web_version) differ" >&2; exit 1
fi
if ! [[ "$version" =~ ^[0-9][0-9A-Za-z.+~]*$ ]]; then
    echo "version '$version' is not a Debian version" >&2; exit 1
fi
arch="$(dpkg --print-architecture)"   # amd64 here; an arm64 build machine makes an arm64 package
name="minsheng_${version}_${arch}"
stage=".build-deb/stage/$name"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/minsheng" "$stage/usr/share/doc/minsheng" \
    "$stage/lib/systemd/system" "$stage/etc/minsheng" "$stage/usr/share/lintian/overrides"

# The binaries, without symbols (the Swift runtime makes them large enough).
for exe in minsheng minsheng-web; do
    install -m 0755 "$bin/$exe" "$stage/usr/bin/$exe"
    strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/$exe"
done
# The data files as SwiftPM copied them (Package.swift's resource lists decide which).
install -m 0644 "$bin"/minsheng_MinshengResources.resources/*.json "$stage/usr/share/minsheng/"
install -m 0644 "$bin/minsheng_MinshengWeb.resources/index.html" "$stage/usr/share/minsheng/index.html"

# Manual pages from --help (help2man), pointing to each subcommand's own --help; left-adjusted
# (.ad l), since a line of Chinese has no spaces to stretch.
mkdir -p "$stage/usr/share/man/man1"
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
for exe in minsheng minsheng-web; do
    case "$exe" in
        minsheng) summary="check and collect the spreadsheets of livelihood projects" ;;
        minsheng-web) summary="serve the web page of minsheng" ;;
    esac
    LANG=C.UTF-8 SOURCE_DATE_EPOCH="$epoch" help2man -L C.UTF-8 --no-info --no-discard-stderr \
        --name="$summary" --section=1 --include=packaging/see-also.h2m "$stage/usr/bin/$exe" \
        | sed '/^\.TH /a .ad l' | gzip -9n > "$stage/usr/share/man/man1/$exe.1.gz"
    chmod 0644 "$stage/usr/share/man/man1/$exe.1.gz"
done

install -m 0644 packaging/minsheng-web.service "$stage/lib/systemd/system/minsheng-web.service"
install -m 0600 packaging/web.env "$stage/etc/minsheng/web.env"
install -m 0644 packaging/copyright packaging/README.Debian "$stage/usr/share/doc/minsheng/"
install -m 0644 packaging/lintian-overrides "$stage/usr/share/lintian/overrides/minsheng"

# A native package's changelog: this version, from the commit it was built from.
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
maintainer="$(sed -n 's/^Maintainer: //p' packaging/control.in)"
{
    echo "minsheng ($version) stable; urgency=medium"
    echo
    echo "  * Built from commit $commit of the minsheng repository."
    echo
    echo " -- $maintainer  $(LC_ALL=C date -u -R -d "@$epoch")"
} | gzip -9n > "$stage/usr/share/doc/minsheng/changelog.gz"
chmod 0644 "$stage/usr/share/doc/minsheng/changelog.gz"

# Depends: the shared libraries the binaries need, by the Debian packages that hold them.
shlibs="$(mktemp -d)"
trap 'rm -rf "$shlibs"' EXIT
mkdir -p "$shlibs/debian"
printf 'Source: minsheng\n\nPackage: minsheng\nArchitecture: %s\n' "$arch" > "$shlibs/debian/control"
root="$PWD/$stage"
depends="$(cd "$shlibs" && dpkg-shlibdeps -O -e"$root/usr/bin/minsheng" -e"$root/usr/bin/minsheng-web" | sed -n 's/^shlibs:Depends=//p')"
if [ -z "$depends" ]; then echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; fi
depends="adduser, $depends"

install -m 0755 packaging/postinst packaging/prerm packaging/postrm "$stage/DEBIAN/"
install -m 0644 packaging/conffiles "$stage/DEBIAN/conffiles"
installed_size="$(du -sk --apparent-size --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
    packaging/control.in > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
    > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/md5sums"

# The same bytes from the same commit: every time stamp is the commit's.
find "$stage" -exec touch --no-dereference --date="@$epoch" {} +
mkdir -p dist
SOURCE_DATE_EPOCH="$epoch" dpkg-deb --root-owner-group -Zxz --build "$stage" "dist/$name.deb" >/dev/null
echo "== dist/$name.deb ($(du -h "dist/$name.deb" | cut -f1))"
dpkg-deb --field "dist/$name.deb" Version Depends Installed-Size
