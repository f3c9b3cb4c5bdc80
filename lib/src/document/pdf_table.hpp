#pragma once
// Tables of the PDF report: column widths that fit the text width, row heights of wrapped cells, and the
// drawing of the header and of one row (document_pdf.cpp splits tables between rows across pages).

#include "basural/document/document.hpp"
#include "document/pango_text.hpp"

#include <vector>

namespace basural::detail {

struct TableGeometry {
    std::vector<double> widths;        ///< per column, summing to the table's width
    double header_height = 0.0;
    std::vector<double> row_heights;   ///< per row
};

/// Column widths and row heights of `table` set in `width` (user units): every column gets its widest
/// cell when they all fit (the spare width going to the columns with a wrap weight); otherwise the
/// columns without a wrap weight keep their widest cell and the others share what is left by weight
/// (one narrower than its share keeps its width; none under about 10 characters), their cells
/// wrapping; when even that does not fit, every column narrows in proportion.
TableGeometry measure_table(PangoText& text, const DocTable& table, double width);

/// Draws the header row with its top-left corner at (x, y).
void draw_table_header(cairo_t* cr, PangoText& text, const DocTable& table, const TableGeometry& g, double x, double y);

/// Draws row `r` with its top-left corner at (x, y): banded, totals bold under a rule.
void draw_table_row(cairo_t* cr, PangoText& text, const DocTable& table, const TableGeometry& g, std::size_t r,
                    double x, double y);

}  // namespace basural::detail
