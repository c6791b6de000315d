# souk -- build, run and test. `make run` and `make test` install what they
# need from Debian (scripts/deps.sh) and npm (package-lock.json) first.

CC ?= cc
PKGS := libmicrohttpd json-c sqlite3 libsodium libcurl libcrypto vips
WARN := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
	-Wpointer-arith -Wcast-qual -Wsign-compare -Wformat=2 -Wvla -Wnull-dereference
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) -pthread -MMD -MP
LIBS = $(shell pkg-config --libs $(PKGS)) -pthread -lm

BUILD ?= build
OPT ?= -O2 -g
SAN ?=
CFLAGS_ALL = $(BASE_CFLAGS) $(OPT) $(SAN) $(shell pkg-config --cflags $(PKGS)) $(CFLAGS)

SRCS := $(shell find src -name '*.c' | sort)
LIB_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(filter-out src/main.c,$(SRCS))) \
	$(BUILD)/gen/migrations_sqlite.o $(BUILD)/gen/seed_data.o
UNIT_SRCS := $(shell find tests/unit -name '*.c' | sort)
UNIT_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(UNIT_SRCS))
SEED_FILES := $(shell find data -type f \( -name '*.tsv' -o -name '*.json' \) 2>/dev/null | sort)

.DELETE_ON_ERROR:
.PHONY: all deps test-deps run test unit e2e asan tsan fuzz fuzz-build clean bench

all: deps $(BUILD)/souk

deps:
	@sh scripts/deps.sh

$(BUILD)/souk: $(LIB_OBJS) $(BUILD)/src/main.o
	$(CC) $(OPT) $(SAN) -o $@ $^ $(LIBS)

$(BUILD)/unit: $(LIB_OBJS) $(UNIT_OBJS)
	$(CC) $(OPT) $(SAN) -o $@ $^ $(LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $@"
	@$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/gen/migrations_sqlite.c: scripts/embed-sql.sh $(wildcard migrations/sqlite/*.sql)
	@mkdir -p $(dir $@)
	sh scripts/embed-sql.sh sqlite migrations/sqlite > $@

$(BUILD)/gen/seed_data.c: scripts/embed-data.sh $(SEED_FILES)
	@mkdir -p $(dir $@)
	sh scripts/embed-data.sh $(SEED_FILES) > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(BASE_CFLAGS) -Wno-missing-prototypes -Wno-overlength-strings $(OPT) $(SAN) -c -o $@ $<

run: all
	./$(BUILD)/souk serve

# --- tests ------------------------------------------------------------------

test-deps:
	@sh scripts/deps.sh --test
	@[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund

unit: deps $(BUILD)/unit
	./$(BUILD)/unit

e2e: all test-deps
	SOUK_BIN=./$(BUILD)/souk npm run -s test:e2e

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" build/asan/souk build/asan/unit

# Release build: unit and end-to-end tests; then the same suite again on the
# ASan + UBSan build.
test: test-deps
	$(MAKE) unit e2e
	$(MAKE) asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 ./build/asan/unit
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 SOUK_SANITIZED=address \
		SOUK_BIN=./build/asan/souk npm run -s test:e2e
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SHORT_SECONDS)

# --- ThreadSanitizer: souk built with -fsanitize=thread, the e2e suite over
# it. Not part of `make test` (several times slower). tests/tsan.supp says
# why each suppression is there.

TSAN_BUILD := build/tsan

tsan: test-deps
	@sh scripts/deps.sh --fuzz
	$(MAKE) CC=clang BUILD=$(TSAN_BUILD) OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=thread" \
		$(TSAN_BUILD)/souk
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" \
		SOUK_SANITIZED=thread SOUK_BIN=./$(TSAN_BUILD)/souk npm run -s test:e2e

# --- fuzzing (tests/fuzz: libFuzzer targets, ASan + UBSan, clang) ----------
# `make fuzz` runs each target for FUZZ_SECONDS over its corpus (the seeds and
# regressions in tests/fuzz/corpus/T, plus what earlier runs found, kept in
# build/fuzz/corpus/T); `make test` runs a short pass. A crash leaves its
# input in build/fuzz/crash-T-*: fix it and add the input to the corpus.

FUZZ_TARGETS := http advert_json token_form query router allegro_headers
FUZZ_SECONDS ?= 60
FUZZ_SHORT_SECONDS ?= 4
FUZZ_BUILD := build/fuzz

fuzz-build:
	@sh scripts/deps.sh --fuzz
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all" \
		$(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_TARGETS))

.PRECIOUS: $(BUILD)/tests/fuzz/%.o
$(BUILD)/fuzz_%: $(LIB_OBJS) $(BUILD)/tests/fuzz/harness.o $(BUILD)/tests/fuzz/fuzz_%.o
	@echo "  LD    $@"
	@$(CC) $(OPT) $(SAN) -fsanitize=fuzzer -o $@ $^ $(LIBS)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		$(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=8192 \
			-print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t 2>$(FUZZ_BUILD)/fuzz-$$t.log \
			|| { tail -60 $(FUZZ_BUILD)/fuzz-$$t.log; exit 1; }; \
		grep -E '^stat::number_of_executed_units|^Done' $(FUZZ_BUILD)/fuzz-$$t.log | tr '\n' ' '; echo; \
	done

# --- benchmarks (bench/run.js: scenarios, references, bench/RESULTS.md) -----

bench: deps
	sh bench/run.sh

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
