# Sourced (`source scripts/sanitizer-env.sh`) before running a sanitized build's tests or fuzzers:
# leaks are errors (detect_leaks=1) except those of tests/sanitizers/lsan.supp, each explained there;
# the first UBSan report stops the program (halt_on_error=1) so that a test cannot pass over it.
_basural_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:symbolize=1"
export LSAN_OPTIONS="suppressions=${_basural_root}/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=${_basural_root}/tests/sanitizers/ubsan.supp"
unset _basural_root
