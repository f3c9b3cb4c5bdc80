#pragma once
/// \file document.hpp
/// A report as plain data: sections of paragraphs, key figures, tables, charts and maps, written as one
/// self-contained offline HTML page (document_html.cpp) or an A4 PDF with page numbers
/// (document_pdf.cpp). The model knows nothing of sites or plans: country_report.hpp builds it.
/// Text is UTF-8 and already in the reader's language; numbers are already formatted.

#include "basural/document/chart.hpp"
#include "basural/maps/map.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace basural {

enum class ParagraphStyle {
    body,
    note,      ///< smaller, muted: how a figure was made, what it leaves out
    warning,   ///< set apart: a result rests on estimates or unknowns
};

struct DocParagraph {
    std::string text;
    ParagraphStyle style = ParagraphStyle::body;
};

struct DocList {
    std::vector<std::string> items;
};

/// One headline figure: "Open dumps" / "1,234" / "of 2,203 sites".
struct DocKeyFigure {
    std::string label;
    std::string value;
    std::string detail;
    bool estimated = false;   ///< rests on estimates: marked, and explained by the section's notes
};

struct DocKeyFigures {
    std::vector<DocKeyFigure> figures;
    std::string estimated_tag;  ///< shown on estimated figures, in the reader's language ("estimate")
};

struct DocTableColumn {
    std::string header;
    bool numeric = false;     ///< right-aligned
    /// Relative share of the width this column may take when its cells wrap (the PDF's long lists);
    /// 0: as wide as its widest cell.
    double wrap_weight = 0.0;
};

struct DocTable {
    std::string id;                      ///< machine name ("states"): HTML id, test hook
    std::string caption;
    std::vector<DocTableColumn> columns;
    std::vector<std::vector<std::string>> rows;  ///< each row has columns.size() cells
    std::size_t total_rows = 0;          ///< the last rows are totals (bold, ruled off)
    std::string note;
};

struct DocChart {
    Chart chart;
    std::string caption;
    double height_px = 0.0;   ///< 0: chart_height_px(chart, 300)
};

/// A map drawn by the map renderer (map.hpp) at the document's text width.
struct DocMap {
    std::string id;
    std::string caption;
    MapScene scene;
    MapStyle style;
    /// What the map shows, counted (name -> value): written on the HTML figure as data-basural-<name>
    /// attributes, so that a reader (or a test) can check the map's counts against the plan's.
    std::vector<std::pair<std::string, std::string>> data;
};

using DocBlock = std::variant<DocParagraph, DocList, DocKeyFigures, DocTable, DocChart, DocMap>;

struct DocSection {
    std::string id;           ///< anchor ("states"); unique in the document
    std::string title;
    int level = 1;            ///< 1 section, 2 subsection
    std::vector<DocBlock> blocks;
};

struct Document {
    std::string lang = "en";             ///< BCP 47 ("es", "pt", "en"): <html lang>, PDF metadata
    std::string title;
    std::string subtitle;
    std::vector<std::string> cover_lines;  ///< under the title: date, engine version, inputs
    std::string contents_title;          ///< heading of the table of contents; "" = none
    std::vector<DocSection> sections;
    std::string generator;               ///< "basural 0.1.0": HTML generator, PDF creator
};

/// Writes the document in the format of `path`'s extension, .html or .pdf; written atomically (a
/// failed run leaves no file); the same document gives the same bytes. Throws usage_error for another
/// extension or a table whose rows do not match its columns, error when the file cannot be written.
void write_document(const Document& doc, const std::string& path);

/// One HTML page that works offline: CSS inline, charts as inline SVG (text as text), maps as PNG data
/// URIs, no script or style loaded from anywhere (a Content-Security-Policy forbids every request but
/// data: images). A small inline script counts script errors and resources on <html> for tests.
void write_document_html(const Document& doc, const std::string& path);

/// An A4 portrait PDF drawn with Cairo and Pango: a title block, the contents with page numbers, the
/// sections flowing over pages (tables split between rows with their header repeated, charts and maps
/// kept whole and drawn as vectors), "n / N" at the foot of every page, and the sections as PDF
/// bookmarks.
void write_document_pdf(const Document& doc, const std::string& path);

/// Every block's table has rows of columns.size() cells, and every section id is unique; throws
/// usage_error naming the table or section otherwise. Both writers call it first.
void check_document(const Document& doc);

}  // namespace basural
