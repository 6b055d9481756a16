# The two commands a newcomer needs (see README.md). Both install whatever is
# missing first (scripts/setup.sh), idempotently.
.PHONY: serve test
serve:
	@scripts/serve.sh
test:
	@scripts/test.sh

# Not a newcomer command: every benchmark of issue #19, figures only
# (docs/performance.md).
.PHONY: bench
bench:
	@tools/bench-all
