# Menteo. `make run` serves the product on http://127.0.0.1:8080;
# `make test` runs every test against a private stack. See README.md.

CC	?= cc
CXX	?= c++
PKGS	 = fcgi libmariadb libctemplate_nothreads libcurl libsodium libcmark
WARN	 = -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	   -Wwrite-strings -Wshadow -Wformat=2
CFLAGS	?= -O2 -g
CFLAGS	+= -std=gnu11 $(WARN) -D_GNU_SOURCE -Ilib $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
CXXFLAGS ?= -O2 -g
CXXFLAGS += -Wall -Wextra -Werror $(shell pkg-config --cflags libctemplate_nothreads 2>/dev/null)
LDLIBS	 = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstdc++ -lpthread -lm

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
PROGS	 = $(patsubst cgi-bin/%.c,$(B)/cgi-bin/%,$(wildcard cgi-bin/*.c))
TOOLS	 = $(patsubst bin/%.c,$(B)/bin/%,$(wildcard bin/*.c))
UNITS	 = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))

PREFIX	?= /usr/local
DESTDIR	?=

.PHONY: all deps run start stop test test-galera unit fuzz bench soak install uninstall clean screenshots
all: $(PROGS) $(TOOLS) $(UNITS)

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

$(B)/bin/%: bin/%.c $(B)/libmenteo.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmenteo.a $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libmenteo.a lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libmenteo.a $(LDLIBS) -lcmocka

deps:
	@bin/menteo-deps

run: deps all
	@bin/menteo-dev run

start: deps all
	@bin/menteo-dev start

stop:
	@bin/menteo-dev stop

# the test runner builds and runs what this make would: SANITIZE=... tests
# the sanitizer build in build/san
test: deps
	@MENTEO_BUILD=$(CURDIR)/$(B) SANITIZE=$(SANITIZE) tests/run.sh

# a three-node Galera cluster on this machine (ports 9300-9399), two web
# nodes on different database nodes: a few minutes, so not in make test
test-galera: deps all
	@tests/integration/check_galera.sh | tee build/test-galera.tap; ! grep -q '^not ok' build/test-galera.tap

unit: all
	@MENTEO_BUILD=$(CURDIR)/$(B) SANITIZE=$(SANITIZE) tests/run.sh --unit-only

fuzz: deps
	@tests/fuzz/run.sh $(or $(SECONDS),60)

bench: deps all
	@tests/bench/run.sh

# 60 s at 64 connections, then MariaDB, SMTP and a worker failing under load
soak: deps all
	@tests/bench/soak.sh

screenshots: deps all
	@tests/run.sh --screenshots

install: all
	@conf/install.sh "$(DESTDIR)" "$(PREFIX)" "$(B)"

uninstall:
	@conf/install.sh --uninstall "$(DESTDIR)" "$(PREFIX)"

clean:
	rm -rf build
