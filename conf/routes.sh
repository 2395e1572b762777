#!/bin/sh
# conf/routes.sh TEMPLATE ROUTES: the web server's URL → program map, made
# from the programs' own route tables (ROUTES holds `program --routes` of
# every program: "name METHOD pattern" lines). The template's line
#   @ROUTES:nginx@   @ROUTES:proxy-fcgi@   or   @ROUTES:fcgid@
# becomes one rule per program matching exactly its patterns, anchored at
# both ends, so no rule can take another program's path and their order
# does not matter. Everything else in the template is copied as it is
# (@RUN@ and friends are filled later by bin/menteo-dev and conf/install.sh).
# Called by make; a new program needs no edit here or in the templates.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 template routes" >&2; exit 2; }
exec awk -v routes="$2" '
# a route pattern as a regex: {id} a number, any other {name} one segment
function regex(pat,	out, c, i, close_) {
	out = ""
	for (i = 1; i <= length(pat); i++) {
		c = substr(pat, i, 1)
		if (c == "{") {
			close_ = index(substr(pat, i), "}")
			out = out (substr(pat, i + 1, close_ - 2) == "id" ? \
			    "[0-9]+" : "[A-Za-z0-9_-]+")
			i += close_ - 1
		} else if (index(".+*?()[]^$|\\\"", c))
			out = out "\\" c
		else
			out = out c
	}
	return out
}
BEGIN {
	while ((getline line < routes) > 0) {
		split(line, f, " ")
		prog = f[1]; pat = f[3]
		if (pat in owner && owner[pat] != prog) {
			printf "routes.sh: %s is in %s and %s\n", pat, owner[pat],
			    prog > "/dev/stderr"
			exit 1
		}
		if (pat in owner)
			continue	# GET and POST of one path
		owner[pat] = prog
		if (!(prog in alt))
			order[++nprogs] = prog
		alt[prog] = (prog in alt ? alt[prog] "|" : "") regex(pat)
	}
	if (nprogs == 0) {
		print "routes.sh: no routes in " routes > "/dev/stderr"
		exit 1
	}
}
match($0, /@ROUTES:[a-z-]+@/) {
	indent = substr($0, 1, RSTART - 1)
	kind = substr($0, RSTART + 8, RLENGTH - 9)
	for (i = 1; i <= nprogs; i++) {
		p = order[i]; re = "^(?:" alt[p] ")$"
		if (kind == "nginx")
			printf "%slocation ~ \"%s\" { include /etc/nginx/fastcgi_params; fastcgi_pass unix:@RUN@/%s.sock; }\n", indent, re, p
		else if (kind == "proxy-fcgi")
			printf "%sProxyPassMatch \"%s\" \"unix:@RUN@/%s.sock|fcgi://menteo-%s/\"\n", indent, re, p, p
		else if (kind == "fcgid")
			printf "%sRewriteRule \"%s\" /menteo-fcgi/%s [PT,L]\n", indent, re, p
		else {
			print "routes.sh: unknown kind " kind > "/dev/stderr"
			exit 1
		}
	}
	next
}
{ print }
' "$1"
