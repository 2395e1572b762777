#!/bin/sh
# make install / make uninstall. Everything goes under DESTDIR/PREFIX and
# is listed in PREFIX/share/menteo/MANIFEST, which uninstall reads back:
#   PREFIX/bin                 menteo-admin, menteo-notify
#   PREFIX/lib/menteo          the FastCGI programs
#   PREFIX/share/menteo        templates, htdocs, sql, conf (examples, snippets)
#   PREFIX/lib/systemd/system  units
# The live configuration (/etc/menteo/menteo.conf) and the system user are
# the admin's (see docs/admin.md), never touched here.
set -eu

if [ "${1:-}" = --uninstall ]; then
	DESTDIR=$2; PREFIX=$3
	m="$DESTDIR$PREFIX/share/menteo/MANIFEST"
	[ -f "$m" ] || { echo "uninstall: nothing installed under $DESTDIR$PREFIX"; exit 0; }
	while read -r f; do rm -f "$DESTDIR$f"; done < "$m"
	rm -f "$m"
	for d in share/menteo lib/menteo; do
		[ -d "$DESTDIR$PREFIX/$d" ] && find "$DESTDIR$PREFIX/$d" -depth -type d -empty -delete
	done
	# ours only if we made them: other packages' empty ones stay
	rmdir "$DESTDIR$PREFIX/lib/systemd/system" "$DESTDIR$PREFIX/lib/systemd" 2>/dev/null || true
	echo "uninstalled from $DESTDIR$PREFIX"
	exit 0
fi

DESTDIR=$1; PREFIX=$2; BUILD=$3
SHARE=$PREFIX/share/menteo
LIBEXEC=$PREFIX/lib/menteo
CONF=${MENTEO_CONF_PATH:-/etc/menteo/menteo.conf}
RUNDIR=/run/menteo
MANIFEST=$(mktemp)

put() {	# mode source target(absolute, without DESTDIR)
	install -D -m "$1" "$2" "$DESTDIR$3"
	echo "$3" >> "$MANIFEST"
}
fill() {	# source target: placeholders filled in
	sed -e "s#@SHARE@#$SHARE#g" -e "s#@RUN@#$RUNDIR#g" -e "s#@ROOT@#$SHARE#g" \
	    -e "s#@CONF@#$CONF#g" -e "s#@LIBEXEC@#$LIBEXEC#g" -e "s#@BIN@#$PREFIX/bin#g" \
	    -e "s#@PORT@#80#g" -e "s#@LOG@#/var/log/apache2#g" "$1" > "$1.tmp.$$"
	put 644 "$1.tmp.$$" "$2"
	rm -f "$1.tmp.$$"
}

for p in "$BUILD"/cgi-bin/*; do [ -e "$p" ] || continue; put 755 "$p" "$LIBEXEC/$(basename "$p")"; done
for p in "$BUILD"/bin/*; do [ -e "$p" ] || continue; put 755 "$p" "$PREFIX/bin/$(basename "$p")"; done
put 755 bin/menteo-admin "$PREFIX/bin/menteo-admin"
find templates htdocs sql -type f | sort | while read -r f; do put 644 "$f" "$SHARE/$f"; done
put 644 conf/menteo.conf.example "$SHARE/conf/menteo.conf.example"
fill conf/nginx-menteo.conf.in "$SHARE/conf/nginx-menteo.conf"
put 644 conf/nginx-log.conf "$SHARE/conf/nginx-log.conf"
# the URL maps the build made from the programs' route tables
fill "$BUILD/conf/nginx-locations.conf.in" "$SHARE/conf/nginx-locations.conf"
fill "$BUILD/conf/apache-menteo-proxy-fcgi.conf.in" "$SHARE/conf/apache-menteo-proxy-fcgi.conf"
fill "$BUILD/conf/apache-menteo-fcgid.conf.in" "$SHARE/conf/apache-menteo-fcgid.conf"
put 644 conf/systemd/menteo@.socket "$PREFIX/lib/systemd/system/menteo@.socket"
fill conf/systemd/menteo@.service.in "$PREFIX/lib/systemd/system/menteo@.service"
fill conf/systemd/menteo-notify.service.in "$PREFIX/lib/systemd/system/menteo-notify.service"
put 644 conf/systemd/menteo-notify.timer "$PREFIX/lib/systemd/system/menteo-notify.timer"
# what the version installed before had and this one has not goes: an old
# migration would be applied again, an old program started by the units
old="$DESTDIR$SHARE/MANIFEST"
# (compared as the file system resolves them: an old MANIFEST that spelt
# PREFIX another way must not name the files just installed)
if [ -f "$old" ]; then
	while read -r f; do realpath -m "$DESTDIR$f"; done < "$MANIFEST" | sort > "$MANIFEST.new"
	while read -r f; do realpath -m "$DESTDIR$f"; done < "$old" | sort |
	    comm -23 - "$MANIFEST.new" | while read -r f; do
		rm -f "$f" && echo "removed (not in this version): ${f#"$DESTDIR"}"
	done
	rm -f "$MANIFEST.new"
fi
install -D -m 644 "$MANIFEST" "$old"
rm -f "$MANIFEST"
echo "installed into $DESTDIR$PREFIX (see docs/admin.md: Install)"
