#!/usr/bin/env bash
# check_package.sh BUILD_DIR SOURCE_DIR WORK_DIR — makes the Debian package of the build
# with cpack, unpacks it into a scratch root (dpkg-deb -x) and checks what it installs,
# its control fields and what lintian says (no error allowed; warnings are printed).
set -euo pipefail
build=$1 source=$2 work=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" \
    || { cat "$work/cpack.log"; fail "cpack failed"; }
debs=("$work"/hexmap_*_"$(dpkg --print-architecture)".deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "no single hexmap_<version>_<arch>.deb in $work"
deb=${debs[0]}
echo "package: $deb"

root=$work/root
dpkg-deb -x "$deb" "$root"
for path in usr/bin/hexmap usr/share/applications/hexmap.desktop \
    usr/share/icons/hicolor/scalable/apps/hexmap.svg usr/share/metainfo/io.github.hexmap.metainfo.xml \
    usr/share/doc/hexmap/copyright usr/share/doc/hexmap/changelog.gz usr/share/man/man1/hexmap.1.gz; do
    [ -f "$root/$path" ] || fail "not in the package: /$path"
done
[ -x "$root/usr/bin/hexmap" ] || fail "/usr/bin/hexmap is not executable"
"$root/usr/bin/hexmap" --version | grep -q . || fail "the packaged hexmap --version says nothing"

# The launcher: what it runs and shows must be in the package, and it opens any file.
desktop=$root/usr/share/applications/hexmap.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.hexmap.metainfo.xml" > /dev/null \
    || fail "appstreamcli validate"
grep -qx 'Exec=hexmap %F' "$desktop" || fail "Exec is not 'hexmap %F'"
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_name" ] || fail "Exec names $exec_name, not in /usr/bin"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "Icon $icon is not in the package"
grep -q '^MimeType=.*application/octet-stream;' "$desktop" || fail "MimeType lacks application/octet-stream"

# Each translation of the source tree ships as a .qm.
while IFS= read -r ts; do
    qm=$(basename "$ts" .ts).qm
    [ -n "$(find "$root" -name "$qm")" ] || fail "translation $qm is not in the package"
done < <(find "$source" -path "$source/build" -prune -o -name '*.ts' -print)

# Control fields: the Qt runtime among the dependencies dpkg-shlibdeps found.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libqt6core6 libqt6gui6 libqt6widgets6 libre2 libxxhash libb2 libc6; do
    grep -q "\b$package" <<< "$depends" || fail "Depends lacks $package"
done
for field in Section Maintainer Homepage Description; do
    [ -n "$(dpkg-deb -f "$deb" "$field")" ] || fail "no $field field"
done

lintian --tag-display-limit 0 "$deb" > "$work/lintian.log" 2>&1 || true
cat "$work/lintian.log"
if grep -q '^E:' "$work/lintian.log"; then
    fail "lintian reports errors"
fi
echo "package layout, fields and lintian: ok"
