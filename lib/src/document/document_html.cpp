// The report as one self-contained HTML page (document.hpp).
#include "basural/document/document.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "base/parallel.hpp"
#include "detail/base64.hpp"
#include "document/map_image.hpp"

#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace basural {
namespace {

/// Width of the page's text column in CSS pixels: charts are laid out at this width.
constexpr double HTML_TEXT_WIDTH_PX = 880.0;
/// Maps are drawn at their layout size times this (sharp on screens of 1.25x; about 120 dpi in print).
constexpr double HTML_MAP_SCALE = 1.25;

std::string esc(const std::string& s)
{
    std::string out;
    out.reserve(s.size() + 8);
    for (char ch : s) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

constexpr const char* STYLE = R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #cfcfcf; --band: #f3f3f3; --warn: #d7301f; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: var(--ink); max-width: 920px; margin: 0 auto;
       padding: 24px 20px 48px; line-height: 1.45; font-size: 15px; }
header h1 { font-size: 28px; margin: 0 0 4px; }
header .subtitle { font-size: 17px; color: var(--muted); margin: 0 0 10px; }
header .cover { font-size: 13px; color: var(--muted); margin: 0; }
nav { border: 1px solid var(--rule); padding: 8px 16px; margin: 18px 0; font-size: 14px; }
nav ol { margin: 4px 0; padding-left: 22px; } nav ol ol { padding-left: 18px; }
h2 { font-size: 22px; border-bottom: 2px solid var(--ink); padding-bottom: 3px; margin-top: 36px; }
h3 { font-size: 17px; margin-top: 24px; }
p.note { font-size: 13px; color: var(--muted); }
p.warning { border-left: 4px solid var(--warn); background: #fdf0ee; padding: 6px 10px; }
ul { padding-left: 22px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 12px 0; }
.figure { border: 1px solid var(--rule); border-radius: 4px; padding: 8px 10px; }
.figure .value { font-size: 24px; font-weight: bold; }
.figure .label { font-size: 14px; }
.figure .detail { font-size: 12px; color: var(--muted); }
.figure .tag { font-size: 11px; color: var(--warn); text-transform: uppercase; letter-spacing: 0.04em; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th { background: var(--band); text-align: left; vertical-align: bottom; border-bottom: 1px solid var(--ink); }
th, td { padding: 3px 6px; }
td { border-bottom: 1px solid #e6e6e6; vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
th.num { white-space: normal; }  /* numbers stay whole, headings wrap: a wide table keeps to the page */
tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
figure { margin: 16px 0; }
figure svg, figure img { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
@media print {
  @page { size: A4; margin: 16mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  figure, .figures, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
)css";

// Counts script errors, blocked requests and loaded resources on <html> (data-basural-*), for tests and
// for anyone wondering whether the page reached the network: it cannot (Content-Security-Policy).
constexpr const char* SCRIPT = R"js(
(function () {
  var root = document.documentElement, errors = 0, blocked = 0;
  window.addEventListener('error', function () { root.setAttribute('data-basural-errors', String(++errors)); }, true);
  document.addEventListener('securitypolicyviolation', function () {
    root.setAttribute('data-basural-blocked', String(++blocked));
  });
  window.addEventListener('load', function () {
    var images = document.images, loaded = 0, i;
    for (i = 0; i < images.length; i++) if (images[i].complete && images[i].naturalWidth > 0) loaded++;
    var entries = performance.getEntriesByType ? performance.getEntriesByType('resource') : [], requests = 0;
    for (i = 0; i < entries.length; i++) if (entries[i].name.indexOf('data:') !== 0) requests++;
    root.setAttribute('data-basural-images', String(images.length));
    root.setAttribute('data-basural-images-loaded', String(loaded));
    root.setAttribute('data-basural-charts', String(document.querySelectorAll('figure.chart svg text').length > 0 ?
      document.querySelectorAll('figure.chart svg').length : 0));
    root.setAttribute('data-basural-maps', String(document.querySelectorAll('figure.map img').length));
    root.setAttribute('data-basural-requests', String(requests));
    root.setAttribute('data-basural-ready', 'true');
  });
})();
)js";

void write_key_figures(std::ostringstream& out, const DocKeyFigures& k)
{
    out << "<div class=\"figures\">\n";
    for (const auto& f : k.figures) {
        out << "<div class=\"figure" << (f.estimated ? " estimated" : "") << "\"><div class=\"value\">" << esc(f.value)
            << "</div><div class=\"label\">" << esc(f.label) << "</div>";
        if (!f.detail.empty())
            out << "<div class=\"detail\">" << esc(f.detail) << "</div>";
        if (f.estimated && !k.estimated_tag.empty())
            out << "<div class=\"tag\">" << esc(k.estimated_tag) << "</div>";
        out << "</div>\n";
    }
    out << "</div>\n";
}

void write_table(std::ostringstream& out, const DocTable& t)
{
    out << "<table id=\"table-" << esc(t.id) << "\">\n";
    if (!t.caption.empty())
        out << "<caption>" << esc(t.caption) << "</caption>\n";
    out << "<thead><tr>";
    for (const auto& c : t.columns)
        out << "<th" << (c.numeric ? " class=\"num\"" : "") << ">" << esc(c.header) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const bool total = r + t.total_rows >= t.rows.size();
        out << (total ? "<tr class=\"total\">" : "<tr>");
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out << "<td" << (t.columns[c].numeric ? " class=\"num\"" : "") << ">" << esc(t.rows[r][c]) << "</td>";
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
    if (!t.note.empty())
        out << "<p class=\"note\">" << esc(t.note) << "</p>\n";
}

void write_chart(std::ostringstream& out, const DocChart& c)
{
    const double height = c.height_px > 0.0 ? c.height_px : chart_height_px(c.chart, 300.0);
    const Drawing d = layout_chart(c.chart, HTML_TEXT_WIDTH_PX, height);
    out << "<figure class=\"chart\" id=\"chart-" << esc(chart_id(c.chart)) << "\">\n" << drawing_svg(d);
    if (!c.caption.empty())
        out << "<figcaption>" << esc(c.caption) << "</figcaption>\n";
    out << "</figure>\n";
}

/// Every map of the document as a base64 PNG, drawn on as many threads as the machine has (each map
/// has its own Cairo surface and PROJ context); in document order.
std::map<const DocMap*, std::string> map_images(const Document& doc)
{
    std::vector<const DocMap*> maps;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (const auto* m = std::get_if<DocMap>(&b))
                maps.push_back(m);
    std::vector<std::string> images(maps.size());
    std::vector<std::size_t> order(maps.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    detail::run_jobs(order, 0, [&](std::size_t i) {
        images[i] = detail::base64_encode(detail::map_png(maps[i]->scene, maps[i]->style, HTML_MAP_SCALE));
    });
    std::map<const DocMap*, std::string> out;
    for (std::size_t i = 0; i < maps.size(); ++i)
        out.emplace(maps[i], std::move(images[i]));
    return out;
}

void write_map(std::ostringstream& out, const DocMap& m, const std::string& png_base64)
{
    out << "<figure class=\"map\" id=\"map-" << esc(m.id) << "\"";
    for (const auto& [name, value] : m.data)
        out << " data-basural-" << esc(name) << "=\"" << esc(value) << "\"";
    out << ">\n<img width=\"" << m.style.width_px << "\" height=\""
        << m.style.height_px << "\" alt=\"" << esc(m.scene.title) << "\" src=\"data:image/png;base64,"
        << png_base64 << "\">\n";
    if (!m.caption.empty())
        out << "<figcaption>" << esc(m.caption) << "</figcaption>\n";
    out << "</figure>\n";
}

void write_block(std::ostringstream& out, const DocBlock& block, const std::map<const DocMap*, std::string>& images)
{
    if (const auto* p = std::get_if<DocParagraph>(&block)) {
        const char* cls = p->style == ParagraphStyle::note ? " class=\"note\"" : p->style == ParagraphStyle::warning ? " class=\"warning\"" : "";
        out << "<p" << cls << ">" << esc(p->text) << "</p>\n";
    } else if (const auto* l = std::get_if<DocList>(&block)) {
        out << "<ul>\n";
        for (const auto& item : l->items)
            out << "<li>" << esc(item) << "</li>\n";
        out << "</ul>\n";
    } else if (const auto* k = std::get_if<DocKeyFigures>(&block)) {
        write_key_figures(out, *k);
    } else if (const auto* t = std::get_if<DocTable>(&block)) {
        write_table(out, *t);
    } else if (const auto* c = std::get_if<DocChart>(&block)) {
        write_chart(out, *c);
    } else {
        const auto& m = std::get<DocMap>(block);
        write_map(out, m, images.at(&m));
    }
}

void write_contents(std::ostringstream& out, const Document& doc)
{
    if (doc.contents_title.empty() || doc.sections.empty())
        return;
    out << "<nav>\n<strong>" << esc(doc.contents_title) << "</strong>\n<ol>\n";
    bool open_sub = false;
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
        const auto& s = doc.sections[i];
        if (s.level > 1 && !open_sub) {
            out << "<ol>\n";
            open_sub = true;
        } else if (s.level <= 1 && open_sub) {
            out << "</ol></li>\n";
            open_sub = false;
        } else if (i > 0) {
            out << "</li>\n";
        }
        out << "<li><a href=\"#" << esc(s.id) << "\">" << esc(s.title) << "</a>";
    }
    out << (open_sub ? "</ol></li>\n" : "</li>\n") << "</ol>\n</nav>\n";
}

}  // namespace

void check_document(const Document& doc)
{
    std::set<std::string> ids;
    for (const auto& s : doc.sections) {
        if (s.id.empty() || !ids.insert(s.id).second)
            throw usage_error("document: section '" + s.title + "' has an empty or repeated id '" + s.id + "'");
        for (const auto& b : s.blocks)
            if (const auto* t = std::get_if<DocTable>(&b)) {
                if (t->columns.empty())
                    throw usage_error("document: table '" + t->id + "' has no columns");
                for (std::size_t r = 0; r < t->rows.size(); ++r)
                    if (t->rows[r].size() != t->columns.size())
                        throw usage_error("document: table '" + t->id + "' row " + std::to_string(r + 1) + " has " +
                                          std::to_string(t->rows[r].size()) + " cells for " +
                                          std::to_string(t->columns.size()) + " columns");
                if (t->total_rows > t->rows.size())
                    throw usage_error("document: table '" + t->id + "' has more total rows than rows");
            }
    }
}

void write_document_html(const Document& doc, const std::string& path)
{
    check_document(doc);
    const auto images = map_images(doc);
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << esc(doc.lang) << "\" data-basural-errors=\"0\" data-basural-blocked=\"0\">\n"
        << "<head>\n<meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
           "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"" << esc(doc.generator) << "\">\n"
        << "<title>" << esc(doc.title) << "</title>\n<script>" << SCRIPT << "</script>\n<style>" << STYLE
        << "</style>\n</head>\n<body>\n<header>\n<h1>" << esc(doc.title) << "</h1>\n";
    if (!doc.subtitle.empty())
        out << "<p class=\"subtitle\">" << esc(doc.subtitle) << "</p>\n";
    for (const auto& line : doc.cover_lines)
        out << "<p class=\"cover\">" << esc(line) << "</p>\n";
    out << "</header>\n";
    write_contents(out, doc);
    for (const auto& s : doc.sections) {
        out << "<section id=\"" << esc(s.id) << "\">\n" << (s.level > 1 ? "<h3>" : "<h2>") << esc(s.title)
            << (s.level > 1 ? "</h3>\n" : "</h2>\n");
        for (const auto& b : s.blocks)
            write_block(out, b, images);
        out << "</section>\n";
    }
    out << "</body>\n</html>\n";
    write_file_atomically(path, out.str());
}

}  // namespace basural
