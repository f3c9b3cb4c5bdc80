#pragma once
/// \file input_file.hpp
/// What a path names, checked before a reader opens it. A FIFO (named pipe), a terminal or a device
/// such as /dev/zero would block the reader or never end, and a directory is not a file: each is
/// refused with a message naming the path, instead of a hang or an unbounded read.
/// Size limits of the inputs are in basural/base/limits.hpp.

#include <cstddef>
#include <string>

namespace basural {

/// What a reader accepts at a path.
enum class InputKind {
    file,               ///< a regular file (or a symbolic link to one)
    file_or_directory,  ///< also a directory: GDAL reads a directory of Shapefiles or a .gdb folder
};

/// Throws basural::input_error(path, reason) unless `path` names what `kind` accepts; the reason
/// says what it is instead ("no such file or directory", "is a directory, not a file", "is a FIFO
/// (named pipe)...", "is a device...", "is a socket...").
void check_input_path(const std::string& path, InputKind kind = InputKind::file);

/// The whole contents of the regular file `path`, refused (basural::input_error naming the path)
/// when it is not a regular file, cannot be read, or is larger than `max_bytes`.
std::string read_input_file(const std::string& path, std::size_t max_bytes);

}  // namespace basural
