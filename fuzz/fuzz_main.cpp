// A libFuzzer target: LLVMFuzzerTestOneInput feeds each input to the harness named by
// BASURAL_FUZZ_HARNESS (harness.hpp). A broken promise aborts, which libFuzzer reports as a crash
// and saves the input; a sanitizer report does the same.
#include "harness.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto& h = basural::fuzz::harness(BASURAL_FUZZ_HARNESS);
    try {
        h.run(data, size, BASURAL_TEST_DATA_DIR);
    } catch (const basural::fuzz::HarnessFailure& e) {
        std::fprintf(stderr, "fuzz_%s: %s\n", BASURAL_FUZZ_HARNESS, e.what());
        std::abort();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_%s: an exception that is not a basural::error: %s\n", BASURAL_FUZZ_HARNESS,
                     e.what());
        std::abort();
    }
    return 0;
}
