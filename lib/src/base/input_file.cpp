#include "basural/base/input_file.hpp"

#include "basural/base/error.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace basural {
namespace {

/// What the path is, when it is not what a reader may open ("" when it is acceptable).
std::string refusal(const struct stat& st, InputKind kind)
{
    if (S_ISREG(st.st_mode))
        return {};
    if (S_ISDIR(st.st_mode))
        return kind == InputKind::file_or_directory ? std::string() : "is a directory, not a file";
    if (S_ISFIFO(st.st_mode))
        return "is a FIFO (named pipe), not a file: basural reads files it can open without waiting for a "
               "writer; save the data to a file first";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return "is a device, not a file";
    if (S_ISSOCK(st.st_mode))
        return "is a socket, not a file";
    return "is not a regular file";
}

}  // namespace

void check_input_path(const std::string& path, InputKind kind)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        throw input_error(path, err == ENOENT || err == ENOTDIR ? std::string("no such file or directory")
                                                                 : "cannot be read: " + std::string(std::strerror(err)));
    }
    if (auto why = refusal(st, kind); !why.empty())
        throw input_error(path, why);
}

std::string read_input_file(const std::string& path, std::size_t max_bytes)
{
    check_input_path(path, InputKind::file);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw input_error(path, "cannot be opened for reading: " + std::string(std::strerror(errno)));
    std::string contents;
    char buf[1 << 16];
    while (in) {
        in.read(buf, sizeof buf);
        const auto got = static_cast<std::size_t>(in.gcount());
        if (contents.size() + got > max_bytes)
            throw input_error(path, "is larger than " + std::to_string(max_bytes >> 20) +
                                        " MiB, the most basural reads for a file of this kind");
        contents.append(buf, got);
    }
    if (in.bad())
        throw input_error(path, "could not be read to the end");
    return contents;
}

}  // namespace basural
