# Menteo. `make run` serves the product on http://127.0.0.1:8080;
# `make test` runs every test against a private stack. See README.md.

# Menteo's release, the number NEWS's newest entry carries; a build from a
# git checkout adds its commit (build/version.h: --version, the admin's
# Health page)
VERSION	 = 0.30

CC	?= cc
CXX	?= c++
PKGS	 = fcgi libmariadb libctemplate_nothreads libcurl libsodium libcmark
WARN	 = -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wshadow -Wformat=2
CFLAGS	?= -O2 -g
# asked once per make; a library pkg-config cannot find stops the build
# in the `pkgs` step below, with pkg-config's own message
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# -I$(B): the headers the build writes (schema.h, version.h)
CFLAGS	+= -std=gnu11 $(WARN) -D_GNU_SOURCE -Ilib -I$(B) $(PKG_CFLAGS)
CXXFLAGS ?= -O2 -g
CXXFLAGS += -Wall -Wextra -Werror $(PKG_CFLAGS)
LDLIBS	 = $(PKG_LIBS) -lstdc++ -lpthread -lm

ifneq ($(SANITIZE),)
CFLAGS	+= -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
CXXFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS	+= -fsanitize=$(SANITIZE)
B	 = build/san
else
B	 = build
endif

LIB_C	 = $(wildcard lib/*.c)
LIB_O	 = $(LIB_C:lib/%.c=$(B)/lib/%.o) $(B)/lib/tmpl.o
# a program is cgi-bin/NAME.c, or a folder cgi-bin/NAME/ of page files
# (main.c holds the route table) once it outgrows one file
PROGS	 = $(patsubst cgi-bin/%.c,$(B)/cgi-bin/%,$(wildcard cgi-bin/*.c))
DIRPROGS = $(patsubst cgi-bin/%/main.c,$(B)/cgi-bin/%,$(wildcard cgi-bin/*/main.c))
TOOLS	 = $(patsubst bin/%.c,$(B)/bin/%,$(wildcard bin/*.c))
UNITS	 = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))
# the web servers' URL → program maps, made from the programs' route tables
CONFS	 = $(B)/conf/nginx-locations.conf.in \
	   $(B)/conf/apache-menteo-proxy-fcgi.conf.in \
	   $(B)/conf/apache-menteo-fcgid.conf.in

PREFIX	?= /usr/local
DESTDIR	?=

.PHONY: all pkgs units deps run start stop test test-galera unit fuzz bench bench-match soak install uninstall clean screenshots
# what is installed and run; the cmocka tests are `make units` (tests/run.sh)
all: $(PROGS) $(DIRPROGS) $(TOOLS) $(CONFS)

# with the matching bench, which only make bench ran: a change of
# lib/suggest.h that left it behind broke make bench and no test saw it
units: $(UNITS) $(B)/tests/bench-match

# Every compile waits for this check (order-only: it rebuilds nothing).
# Packages are never installed here: that is `make deps`, its own step.
pkgs:
	@pkg-config --exists --print-errors $(PKGS) || { \
	    echo "make: pkg-config cannot find the libraries named above;" \
	        "\`make deps\` installs them" >&2; exit 1; }

$(LIB_O) $(PROGS) $(DIRPROGS) $(TOOLS) $(UNITS): | pkgs

$(B)/lib/%.o: lib/%.c lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(B)/lib/tmpl.o: lib/tmpl.cc lib/tmpl.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -Ilib -fPIC -c -o $@ $<

$(B)/libmenteo.a: $(LIB_O)
	$(AR) rcs $@ $^

$(B)/cgi-bin/%: cgi-bin/%.c $(B)/libmenteo.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmenteo.a $(LDLIBS)

.SECONDEXPANSION:
$(DIRPROGS): $(B)/cgi-bin/%: $$(wildcard cgi-bin/$$*/*.c cgi-bin/$$*/*.h) $(B)/libmenteo.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c,$^) $(B)/libmenteo.a $(LDLIBS)

# the newest migration this code was written for, which /health asks the
# database for (cgi-bin/home.c): replaced only when it changed
$(B)/schema.h: FORCE
	@mkdir -p $(@D)
	@echo '#define MENTEO_SCHEMA "$(basename $(notdir $(lastword $(sort $(wildcard sql/[0-9][0-9][0-9]_*.sql)))))"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(B)/cgi-bin/home $(B)/cgi-bin/admin $(UNITS): $(B)/schema.h

# any owner's checkout: root building another's clone is refused otherwise
GIT_REV := $(shell [ -e .git ] && git -c safe.directory='*' rev-parse --short HEAD 2>/dev/null)
$(B)/version.h: FORCE
	@mkdir -p $(@D)
	@echo '#define MENTEO_VERSION "$(VERSION)$(if $(GIT_REV), ($(GIT_REV)))"' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(B)/cgi-bin/admin $(B)/bin/menteo-notify: $(B)/version.h

$(B)/bin/%: bin/%.c $(B)/libmenteo.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmenteo.a $(LDLIBS)

# a unit test may include a program's files (or lib's) to reach statics
$(B)/tests/%: tests/unit/%.c $(B)/libmenteo.a lib/*.h lib/*.c tests/unit/*.h \
    $(wildcard cgi-bin/*.c cgi-bin/*/*.c cgi-bin/*/*.h)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmenteo.a $(LDLIBS) -lcmocka

# Every program prints its own table (`--routes`, lib/app.h). Asked at
# every make (a program removed changes no file's time), replaced only
# when the list changed, so the maps are remade only then.
$(B)/routes.txt: $(PROGS) $(DIRPROGS) FORCE
	@for p in $(PROGS) $(DIRPROGS); do $$p --routes || exit 1; done > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

FORCE:

$(B)/conf/%.conf.in: conf/%.conf.in conf/routes.sh $(B)/routes.txt
	@mkdir -p $(@D)
	conf/routes.sh $< $(B)/routes.txt > $@.tmp
	@mv $@.tmp $@

deps:
	@bin/menteo-deps

# deps first, then a make of its own: the flags pkg-config gives are read
# after the packages are there
run: deps
	@$(MAKE) --no-print-directory all
	@bin/menteo-dev run

start: deps
	@$(MAKE) --no-print-directory all
	@bin/menteo-dev start

stop:
	@bin/menteo-dev stop

# the test runner builds and runs what this make would: SANITIZE=... tests
# the sanitizer build in build/san
test: deps
	@MENTEO_BUILD=$(CURDIR)/$(B) SANITIZE=$(SANITIZE) tests/run.sh

# a three-node Galera cluster on this machine (ports 9300-9399), two web
# nodes on different database nodes: a few minutes, so not in make test
test-galera: deps
	@$(MAKE) --no-print-directory all
	@tests/integration/check_galera.sh > build/test-galera.tap 2>&1; rc=$$?; \
	cat build/test-galera.tap; \
	p=$$(grep -c '^ok ' build/test-galera.tap); f=$$(grep -c '^not ok' build/test-galera.tap); \
	[ $$rc -eq 0 ] || f=$$((f + 1)); echo "$$p passed, $$f failed"; [ $$f -eq 0 ]

unit: deps
	@MENTEO_BUILD=$(CURDIR)/$(B) SANITIZE=$(SANITIZE) tests/run.sh --unit-only

fuzz: deps
	@tests/fuzz/run.sh $(or $(SECONDS),60)

bench: deps
	@$(MAKE) --no-print-directory all $(B)/tests/bench-match
	@tests/bench/run.sh

# matching's figures in-process (tests/bench/match.c): suggestions among
# 3,000 mentors, auto-pairing 1,000 x 300; exits 1 when over target
bench-match: $(B)/tests/bench-match
	@$(B)/tests/bench-match

$(B)/tests/bench-match: tests/bench/match.c $(B)/libmenteo.a lib/*.h | pkgs
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmenteo.a $(LDLIBS)

# 60 s at 64 connections, then MariaDB, SMTP and a worker failing under load
soak: deps
	@$(MAKE) --no-print-directory all
	@tests/bench/soak.sh

screenshots: deps
	@tests/run.sh --screenshots

install: all
	@conf/install.sh "$(DESTDIR)" "$(PREFIX)" "$(B)"

uninstall:
	@conf/install.sh --uninstall "$(DESTDIR)" "$(PREFIX)"

clean:
	rm -rf build
