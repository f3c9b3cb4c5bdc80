#pragma once
// Large arrays backed by transparent huge pages (Linux). The first write to each 4 KiB page of a new
// array is a page fault; on the virtual machines basural runs on, the faults of a 300 MB array cost
// about a second (measured: 950 ms to zero 300 MB, 30 ms with 2 MiB pages), and a 5,000 x 5,000
// matrix fills about 1 GB of new arrays while it is read and prepared (docs/reliability.md "Large
// matrices"). Private: not installed, not part of the public API.

#include <cstddef>
#include <cstdint>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace basural::detail {

/// Arrays smaller than this are left to the allocator as they are.
inline constexpr std::size_t HUGE_PAGE_MIN_BYTES = std::size_t{16} << 20;

/// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with huge pages (a hint:
/// nothing happens where transparent huge pages are off, or off Linux). Call it before the memory is
/// first written.
inline void advise_huge_pages(const void* data, std::size_t bytes) noexcept
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    if (data == nullptr || bytes < HUGE_PAGE_MIN_BYTES)
        return;
    const auto first = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const auto last = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // a hint: its failure changes nothing
#else
    (void)data;
    (void)bytes;
#endif
}

/// v.reserve(n), the new storage advised into huge pages (see advise_huge_pages()).
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t n)
{
    const bool fresh = v.capacity() < n;
    v.reserve(n);
    if (fresh && v.empty())
        advise_huge_pages(v.data(), n * sizeof(T));
}

/// v.resize(n) of an empty vector (value-initialised), its storage advised into huge pages.
template <class T>
void resize_huge(std::vector<T>& v, std::size_t n)
{
    reserve_huge(v, n);
    v.resize(n);
}

}  // namespace basural::detail
