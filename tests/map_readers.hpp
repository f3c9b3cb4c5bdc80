#pragma once
// Independent readers for map outputs, shared by the map unit tests (tests/unit/maps/test_map.cpp) and the
// `basural map` CLI tests (tests/cli/test_cli_map.cpp): Cairo's PNG reader, libxml2 for SVG (shapes and
// <text> elements), external
// tools (poppler's pdfinfo/pdftoppm, headless Chromium) run through posix_spawnp.
// Targets that include it link Cairo and libxml2 (tests/CMakeLists.txt).

#include "basural/maps/map.hpp"

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace basural::test {

inline std::string read_bytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::size_t count_of(const std::string& haystack, const std::string& needle)
{
    std::size_t n = 0;
    for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1))
        ++n;
    return n;
}

/// Runs a program (found on PATH) with stdout and stderr to files; returns its exit status, or -1
/// when it could not be started.
inline int run_tool(const std::vector<std::string>& args, const std::filesystem::path& out,
                    const std::filesystem::path& err)
{
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// True when `tool` is an executable on PATH.
inline bool have_tool(const std::string& tool)
{
    const char* path = std::getenv("PATH");
    std::stringstream ss(path ? path : "");
    for (std::string dir; std::getline(ss, dir, ':');)
        if (!dir.empty() && access((std::filesystem::path(dir) / tool).c_str(), X_OK) == 0)
            return true;
    return false;
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

/// A PNG read back by Cairo's own PNG reader.
inline Surface read_png(const std::filesystem::path& p)
{
    Surface s(cairo_image_surface_create_from_png(p.c_str()));
    REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s.get());
    return s;
}

/// The colour of the image pixel containing (x, y), in image pixels.
inline Rgb pixel(cairo_surface_t* s, double x, double y)
{
    const int ix = static_cast<int>(std::floor(x)), iy = static_cast<int>(std::floor(y));
    REQUIRE(ix >= 0);
    REQUIRE(iy >= 0);
    REQUIRE(ix < cairo_image_surface_get_width(s));
    REQUIRE(iy < cairo_image_surface_get_height(s));
    const unsigned char* row = cairo_image_surface_get_data(s) + iy * cairo_image_surface_get_stride(s);
    std::uint32_t v = 0;
    std::memcpy(&v, row + 4 * ix, 4);  // native-endian 0xAARRGGBB (RGB24 or opaque ARGB32)
    return Rgb{static_cast<std::uint8_t>((v >> 16) & 0xff), static_cast<std::uint8_t>((v >> 8) & 0xff),
               static_cast<std::uint8_t>(v & 0xff)};
}

/// The SVG spelling of a colour: basural's SVG writer uses "#rrggbb".
inline std::string svg_colour(Rgb c)
{
    return c.hex();
}

/// The shapes (<path>, <circle>) of an SVG parsed by libxml2, counted by colour: filled ones by fill
/// colour, outline-only ones (fill="none") by stroke colour; and its <text> elements.
struct SvgPathCounts {
    std::string root_name;  ///< "svg" for a well-formed SVG
    std::map<std::string, std::size_t> filled;
    std::map<std::string, std::size_t> stroked_only;
    std::vector<std::string> texts;  ///< the content of every <text> element, in document order
};

inline std::string xml_attribute(const xmlNode* n, const char* name)
{
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (v == nullptr)
        return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

inline SvgPathCounts count_svg_paths(const std::filesystem::path& path)
{
    std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
        xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR), xmlFreeDoc);
    REQUIRE(doc);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    REQUIRE(root);
    SvgPathCounts counts;
    counts.root_name = reinterpret_cast<const char*>(root->name);
    std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE)
                continue;
            const std::string name(reinterpret_cast<const char*>(n->name));
            if (name == "clipPath")
                continue;  // clip outlines are not drawn
            if (name == "path" || name == "circle") {
                const std::string fill = xml_attribute(n, "fill"), stroke = xml_attribute(n, "stroke");
                if (!fill.empty() && fill != "none")
                    ++counts.filled[fill];
                else if (fill == "none" && !stroke.empty())
                    ++counts.stroked_only[stroke];
            } else if (name == "text") {
                xmlChar* content = xmlNodeGetContent(n);
                counts.texts.emplace_back(content != nullptr ? reinterpret_cast<const char*>(content) : "");
                xmlFree(content);
            }
            walk(n->children);
        }
    };
    walk(root);
    return counts;
}

/// Loads a local HTML page in headless Chromium and returns the DOM after its scripts ran
/// (--dump-dom). Fails the test when chromium is not installed or does not exit cleanly.
/// `work_dir` receives the browser profile and its stderr.
inline std::string chromium_dom(const std::filesystem::path& page, const std::filesystem::path& work_dir)
{
    if (!have_tool("chromium") || !have_tool("timeout"))
        FAIL("chromium (Debian package chromium) is needed for this test: run scripts/install-deps.sh");
    const int rc = run_tool({"timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                             "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--disable-extensions",
                             "--user-data-dir=" + (work_dir / "profile").string(), "--virtual-time-budget=5000",
                             "--dump-dom", "file://" + std::filesystem::absolute(page).string()},
                            work_dir / "dom.html", work_dir / "chromium.err");
    INFO("chromium stderr: " << read_bytes(work_dir / "chromium.err"));
    REQUIRE(rc == 0);
    return read_bytes(work_dir / "dom.html");
}

}  // namespace basural::test
