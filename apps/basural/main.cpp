// basural: the command-line program. Everything happens in run_basural() (registry.cpp),
// which tests also call in-process.
#include "command.hpp"

#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    return basural::app::run_basural(args, std::cout, std::cerr, isatty(STDERR_FILENO) == 1,
                                     basural::locale_from_environment());
}
