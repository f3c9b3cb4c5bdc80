// The report as an A4 PDF (document.hpp): Cairo pages, Pango text, two passes (the first finds the page
// count and where each section starts, for the contents and the "n / N" footers; the second draws).
#include "basural/document/document.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "detail/cairo.hpp"
#include "document/drawing_cairo.hpp"
#include "document/pango_text.hpp"
#include "document/pdf_table.hpp"
#include "maps/map_draw.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace basural {
namespace {

using detail::PangoText;
using detail::TextAlign;
using detail::TextStyle;

constexpr double PAGE_W_PT = 595.2756;  // A4: 210 x 297 mm
constexpr double PAGE_H_PT = 841.8898;
constexpr double MARGIN_X_PT = 54.0;
constexpr double MARGIN_TOP_PT = 54.0;
constexpr double MARGIN_BOTTOM_PT = 62.0;
constexpr double TEXT_W_PT = PAGE_W_PT - 2 * MARGIN_X_PT;
constexpr double PT_PER_PX = 0.75;
constexpr double GAP_PT = 7.0;

TextStyle style_of(double size, bool bold = false, double grey = 0.1)
{
    TextStyle s;
    s.size = size;
    s.bold = bold;
    s.r = s.g = s.b = grey;
    return s;
}

const TextStyle BODY = style_of(9.5);
const TextStyle NOTE = style_of(8.0, false, 0.33);
const TextStyle CAPTION = style_of(8.0, false, 0.33);
const TextStyle H1 = style_of(16.0, true);
const TextStyle H2 = style_of(12.0, true);
const TextStyle TITLE = style_of(24.0, true);
const TextStyle SUBTITLE = style_of(13.0, false, 0.33);
const TextStyle FOOTER = style_of(8.0, false, 0.4);
const TextStyle FIGURE_VALUE = style_of(15.0, true);
const TextStyle FIGURE_LABEL = style_of(8.5);
const TextStyle FIGURE_DETAIL = style_of(7.5, false, 0.33);

/// What the first pass learns for the second.
struct PassResult {
    int pages = 0;
    std::vector<int> section_page;  ///< 1-based page of each section's heading
};

cairo_status_t discard_bytes(void*, const unsigned char*, unsigned int)
{
    return CAIRO_STATUS_SUCCESS;
}

/// One pass over the document: places every block on the pages; draws only when `draw` is set.
class PdfFlow {
public:
    PdfFlow(cairo_surface_t* surface, const Document& doc, const std::vector<detail::TableGeometry>& tables,
            const PassResult* known)
        : m_surface(surface), m_cr(cairo_create(surface)), m_text(m_cr.get()), m_footer(m_cr.get()), m_doc(doc), m_tables(tables),
          m_known(known), m_draw(known != nullptr)
    {
    }

    PassResult run()
    {
        PassResult result;
        title_block();
        contents();
        std::size_t table_index = 0;
        int outline_parent = CAIRO_PDF_OUTLINE_ROOT;
        for (std::size_t i = 0; i < m_doc.sections.size(); ++i) {
            const DocSection& s = m_doc.sections[i];
            if (s.level <= 1)
                new_page();
            heading(s);
            result.section_page.push_back(m_page);
            if (m_draw) {
                const std::string link = "page=" + std::to_string(m_page) + " pos=[" + number(MARGIN_X_PT) + " " +
                                         number(m_heading_y) + "]";
                const int id = cairo_pdf_surface_add_outline(m_surface, s.level <= 1 ? CAIRO_PDF_OUTLINE_ROOT : outline_parent,
                                                             s.title.c_str(), link.c_str(), static_cast<cairo_pdf_outline_flags_t>(0));
                if (s.level <= 1)
                    outline_parent = id;
            }
            for (const auto& b : s.blocks)
                block(b, table_index);
        }
        finish_page();
        result.pages = m_page;
        return result;
    }

private:
    static std::string number(double v)
    {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return buf;
    }

    double bottom() const { return PAGE_H_PT - MARGIN_BOTTOM_PT; }

    void finish_page()
    {
        if (m_page == 0)
            return;
        if (m_draw) {
            TextStyle s = FOOTER;
            s.align = TextAlign::right;
            m_footer.set(std::to_string(m_page) + " / " + std::to_string(m_known->pages), s, 60.0);
            m_footer.draw(MARGIN_X_PT + TEXT_W_PT - 60.0, PAGE_H_PT - 36.0);
            if (m_page > 1) {
                m_footer.set(m_doc.title, FOOTER, TEXT_W_PT - 80.0);
                m_footer.draw(MARGIN_X_PT, PAGE_H_PT - 36.0);
            }
            cairo_show_page(m_cr.get());
        }
    }

    void new_page()
    {
        finish_page();
        ++m_page;
        m_y = MARGIN_TOP_PT;
    }

    /// Starts a new page unless `height` still fits on this one (a block taller than a page goes on
    /// a fresh page, where it is drawn from the top).
    void ensure(double height)
    {
        if (m_page == 0 || (m_y + height > bottom() && m_y > MARGIN_TOP_PT + 0.5))
            new_page();
    }

    /// Lays out `text` in `width` at the current y (after ensure) and moves down. A text taller than a
    /// page starts where the page is and continues on the next pages, line by line.
    void paragraph(const std::string& text, const TextStyle& style, double x, double width, double space_after)
    {
        m_text.set(text, style, width);
        const double h = m_text.height();
        if (h > bottom() - MARGIN_TOP_PT) {
            flow_lines(x);
            m_y += space_after;
            return;
        }
        ensure(h);
        if (m_draw)
            m_text.draw(x, m_y);
        m_y += h + space_after;
    }

    /// Draws the text laid out in m_text from the current y, as many lines as fit on each page (a
    /// warning's red bar beside each page's part when `warning_bar`).
    void flow_lines(double x, bool warning_bar = false)
    {
        const auto lines = m_text.line_extents();
        std::size_t first = 0;
        while (first < lines.size()) {
            ensure(lines[first].second - lines[first].first);
            std::size_t last = first + 1;
            while (last < lines.size() && m_y + lines[last].second - lines[first].first <= bottom())
                ++last;
            const double h = lines[last - 1].second - lines[first].first;
            if (m_draw && warning_bar) {
                cairo_rectangle(m_cr.get(), MARGIN_X_PT, m_y, 3.0, h);
                cairo_set_source_rgb(m_cr.get(), 0.843, 0.188, 0.122);
                cairo_fill(m_cr.get());
            }
            if (m_draw)
                m_text.draw_lines(x, m_y, first, last);
            m_y += h;
            first = last;
            if (first < lines.size())
                new_page();
        }
    }

    void title_block()
    {
        new_page();
        m_y = MARGIN_TOP_PT + 90.0;
        paragraph(m_doc.title, TITLE, MARGIN_X_PT, TEXT_W_PT, 8.0);
        if (!m_doc.subtitle.empty())
            paragraph(m_doc.subtitle, SUBTITLE, MARGIN_X_PT, TEXT_W_PT, 14.0);
        for (const auto& line : m_doc.cover_lines)
            paragraph(line, NOTE, MARGIN_X_PT, TEXT_W_PT, 3.0);
        m_y += 24.0;
    }

    void contents()
    {
        if (m_doc.contents_title.empty() || m_doc.sections.empty())
            return;
        paragraph(m_doc.contents_title, H2, MARGIN_X_PT, TEXT_W_PT, 6.0);
        for (std::size_t i = 0; i < m_doc.sections.size(); ++i) {
            const DocSection& s = m_doc.sections[i];
            const double indent = s.level > 1 ? 16.0 : 0.0;
            const int page = m_known ? m_known->section_page[i] : 0;
            TextStyle left = s.level > 1 ? NOTE : BODY;
            m_text.set(s.title, left, TEXT_W_PT - indent - 40.0);
            const double h = m_text.height();
            ensure(h);
            if (m_draw) {
                const std::string link = "page=" + std::to_string(page);
                cairo_tag_begin(m_cr.get(), CAIRO_TAG_LINK, link.c_str());
                m_text.draw(MARGIN_X_PT + indent, m_y);
                TextStyle right = left;
                right.align = TextAlign::right;
                m_text.set(std::to_string(page), right, 40.0);
                m_text.draw(MARGIN_X_PT + TEXT_W_PT - 40.0, m_y);
                cairo_tag_end(m_cr.get(), CAIRO_TAG_LINK);
            }
            m_y += h + 2.0;
        }
    }

    /// The height of a section's first block when it is a figure (a heading stays with it), else 80 pt.
    double first_figure_height(const DocSection& s)
    {
        if (s.blocks.empty())
            return 0.0;
        if (const auto* m = std::get_if<DocMap>(&s.blocks.front()))
            return m->style.height_px * TEXT_W_PT / m->style.width_px + 3.0 + caption_height(m->caption);
        if (const auto* c = std::get_if<DocChart>(&s.blocks.front()))
            return (c->height_px > 0.0 ? c->height_px : chart_height_px(c->chart, 300.0)) * PT_PER_PX + 3.0 +
                   caption_height(c->caption);
        return 80.0;
    }

    void heading(const DocSection& s)
    {
        const TextStyle& style = s.level <= 1 ? H1 : H2;
        const double keep = first_figure_height(s);
        m_text.set(s.title, style, TEXT_W_PT);
        // keep a heading with its first figure, or with at least 80 pt of what follows
        ensure(m_text.height() + keep);
        m_y += s.level <= 1 ? 0.0 : 6.0;
        m_heading_y = m_y;
        m_text.set(s.title, style, TEXT_W_PT);
        if (m_draw) {
            m_text.draw(MARGIN_X_PT, m_y);
            if (s.level <= 1) {
                cairo_set_source_rgb(m_cr.get(), 0.1, 0.1, 0.1);
                cairo_set_line_width(m_cr.get(), 1.2);
                cairo_move_to(m_cr.get(), MARGIN_X_PT, m_y + m_text.height() + 2.0);
                cairo_line_to(m_cr.get(), MARGIN_X_PT + TEXT_W_PT, m_y + m_text.height() + 2.0);
                cairo_stroke(m_cr.get());
            }
        }
        m_y += m_text.height() + (s.level <= 1 ? 12.0 : 6.0);
    }

    void block(const DocBlock& b, std::size_t& table_index)
    {
        if (const auto* p = std::get_if<DocParagraph>(&b))
            text_block(*p);
        else if (const auto* l = std::get_if<DocList>(&b))
            list(*l);
        else if (const auto* k = std::get_if<DocKeyFigures>(&b))
            key_figures(*k);
        else if (const auto* t = std::get_if<DocTable>(&b))
            table(*t, m_tables.at(table_index++));
        else if (const auto* c = std::get_if<DocChart>(&b))
            chart(*c);
        else
            map(std::get<DocMap>(b));
    }

    void text_block(const DocParagraph& p)
    {
        if (p.style != ParagraphStyle::warning) {
            paragraph(p.text, p.style == ParagraphStyle::note ? NOTE : BODY, MARGIN_X_PT, TEXT_W_PT, GAP_PT);
            return;
        }
        m_text.set(p.text, BODY, TEXT_W_PT - 16.0);
        const double h = m_text.height() + 8.0;
        if (h > bottom() - MARGIN_TOP_PT) {  // taller than a page: its bar on each page, its lines flowing on
            flow_lines(MARGIN_X_PT + 10.0, true);
            m_y += GAP_PT;
            return;
        }
        ensure(h);
        if (m_draw) {
            cairo_t* cr = m_cr.get();
            cairo_rectangle(cr, MARGIN_X_PT, m_y, TEXT_W_PT, h);
            cairo_set_source_rgb(cr, 0.992, 0.941, 0.933);
            cairo_fill(cr);
            cairo_rectangle(cr, MARGIN_X_PT, m_y, 3.0, h);
            cairo_set_source_rgb(cr, 0.843, 0.188, 0.122);
            cairo_fill(cr);
            m_text.draw(MARGIN_X_PT + 10.0, m_y + 4.0);
        }
        m_y += h + GAP_PT;
    }

    void list(const DocList& l)
    {
        for (const auto& item : l.items) {
            m_text.set(item, BODY, TEXT_W_PT - 14.0);
            const double h = m_text.height();
            if (h > bottom() - MARGIN_TOP_PT) {  // an item taller than a page: its bullet, then its lines
                ensure(m_text.line_extents().front().second);
                if (m_draw) {
                    m_footer.set("\u2022", BODY, 0.0);
                    m_footer.draw(MARGIN_X_PT + 3.0, m_y);
                }
                flow_lines(MARGIN_X_PT + 14.0);
                m_y += 2.5;
                continue;
            }
            ensure(h);
            if (m_draw) {
                m_text.draw(MARGIN_X_PT + 14.0, m_y);
                m_text.set("\u2022", BODY, 0.0);
                m_text.draw(MARGIN_X_PT + 3.0, m_y);
            }
            m_y += h + 2.5;
        }
        m_y += GAP_PT - 2.5;
    }

    /// One key figure's box content; returns its height (draws when asked).
    double figure_box(const DocKeyFigure& f, const std::string& tag, double x, double y, double w, bool draw)
    {
        const double inner = w - 12.0;
        double h = 6.0;
        const auto part = [&](const std::string& text, const TextStyle& style) {
            if (text.empty())
                return;
            m_text.set(text, style, inner);
            if (draw)
                m_text.draw(x + 6.0, y + h);
            h += m_text.height() + 1.5;
        };
        part(f.value, FIGURE_VALUE);
        part(f.label, FIGURE_LABEL);
        part(f.detail, FIGURE_DETAIL);
        if (f.estimated) {
            TextStyle t = style_of(7.0, true);
            t.r = 0.843;
            t.g = 0.188;
            t.b = 0.122;
            part(tag, t);
        }
        return h + 4.0;
    }

    void key_figures(const DocKeyFigures& k)
    {
        constexpr std::size_t PER_ROW = 3;
        const double w = (TEXT_W_PT - 2 * 6.0) / PER_ROW;
        for (std::size_t i = 0; i < k.figures.size(); i += PER_ROW) {
            const std::size_t n = std::min(PER_ROW, k.figures.size() - i);
            double h = 0.0;
            for (std::size_t j = 0; j < n; ++j)
                h = std::max(h, figure_box(k.figures[i + j], k.estimated_tag, 0.0, 0.0, w, false));
            ensure(h);
            if (m_draw)
                for (std::size_t j = 0; j < n; ++j) {
                    const double x = MARGIN_X_PT + static_cast<double>(j) * (w + 6.0);
                    cairo_t* cr = m_cr.get();
                    cairo_rectangle(cr, x + 0.5, m_y + 0.5, w - 1.0, h - 1.0);
                    cairo_set_source_rgb(cr, 0.81, 0.81, 0.81);
                    cairo_set_line_width(cr, 0.8);
                    cairo_stroke(cr);
                    figure_box(k.figures[i + j], k.estimated_tag, x, m_y, w, true);
                }
            m_y += h + 6.0;
        }
        m_y += GAP_PT - 6.0;
    }

    void table(const DocTable& t, const detail::TableGeometry& g)
    {
        if (!t.caption.empty()) {
            TextStyle cap = style_of(9.0, true);
            m_text.set(t.caption, cap, TEXT_W_PT);
            ensure(m_text.height() + g.header_height + (g.row_heights.empty() ? 0.0 : g.row_heights[0]));
            paragraph(t.caption, cap, MARGIN_X_PT, TEXT_W_PT, 3.0);
        }
        std::size_t r = 0;
        while (true) {
            ensure(g.header_height + (r < t.rows.size() ? g.row_heights[r] : 0.0));
            // A row taller than a whole page is drawn on a page of its own (past the bottom margin)
            // rather than pushed on from page to page for ever.
            const bool page_top = m_y <= MARGIN_TOP_PT + 0.5;
            const std::size_t page_first = r;
            if (m_draw)
                detail::draw_table_header(m_cr.get(), m_text, t, g, MARGIN_X_PT, m_y);
            m_y += g.header_height;
            while (r < t.rows.size() && (m_y + g.row_heights[r] <= bottom() || (page_top && r == page_first))) {
                if (m_draw)
                    detail::draw_table_row(m_cr.get(), m_text, t, g, r, MARGIN_X_PT, m_y);
                m_y += g.row_heights[r];
                ++r;
            }
            if (r >= t.rows.size())
                break;
            new_page();
        }
        m_y += 4.0;
        if (!t.note.empty())
            paragraph(t.note, NOTE, MARGIN_X_PT, TEXT_W_PT, GAP_PT);
        else
            m_y += GAP_PT - 4.0;
    }

    void caption(const std::string& text)
    {
        if (!text.empty())
            paragraph(text, CAPTION, MARGIN_X_PT, TEXT_W_PT, GAP_PT + 4.0);
        else
            m_y += GAP_PT + 4.0;
    }

    /// Height of a caption under a figure, so that figure and caption stay on one page.
    double caption_height(const std::string& text)
    {
        if (text.empty())
            return 0.0;
        m_text.set(text, CAPTION, TEXT_W_PT);
        return m_text.height();
    }

    void chart(const DocChart& c)
    {
        const double width_px = TEXT_W_PT / PT_PER_PX;
        const double height_px = c.height_px > 0.0 ? c.height_px : chart_height_px(c.chart, 300.0);
        const double h = height_px * PT_PER_PX;
        ensure(h + caption_height(c.caption));
        if (m_draw) {
            const Drawing d = layout_chart(c.chart, width_px, height_px);
            cairo_save(m_cr.get());
            cairo_translate(m_cr.get(), MARGIN_X_PT, m_y);
            cairo_scale(m_cr.get(), PT_PER_PX, PT_PER_PX);
            detail::paint_drawing(m_cr.get(), d);
            cairo_restore(m_cr.get());
        }
        m_y += h + 3.0;
        caption(c.caption);
    }

    void map(const DocMap& m)
    {
        const double scale = TEXT_W_PT / m.style.width_px;
        const double h = m.style.height_px * scale;
        ensure(h + caption_height(m.caption));
        if (m_draw) {
            const MapLayout layout(m.scene, m.style);
            cairo_save(m_cr.get());
            cairo_translate(m_cr.get(), MARGIN_X_PT, m_y);
            cairo_rectangle(m_cr.get(), 0.0, 0.0, TEXT_W_PT, h);
            cairo_clip(m_cr.get());
            cairo_scale(m_cr.get(), scale, scale);
            detail::draw_map(m_cr.get(), m.scene, layout);
            cairo_restore(m_cr.get());
        }
        m_y += h + 3.0;
        caption(m.caption);
    }

    cairo_surface_t* m_surface;
    detail::CairoPtr m_cr;
    PangoText m_text;
    /// The footers' (and long items' bullets') own layout: a page ends inside paragraph() and list(),
    /// between laying out a text in m_text and drawing it, so the footer must not reuse m_text.
    PangoText m_footer;
    const Document& m_doc;
    const std::vector<detail::TableGeometry>& m_tables;
    const PassResult* m_known;
    bool m_draw;
    int m_page = 0;
    double m_y = 0.0;
    double m_heading_y = 0.0;
};

void check_surface(cairo_surface_t* s, const std::string& path)
{
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw error("report: cannot write PDF '" + path + "': " + cairo_status_to_string(cairo_surface_status(s)));
}

}  // namespace

void write_document_pdf(const Document& doc, const std::string& path)
{
    check_document(doc);
    // Pass 1 on a PDF surface whose bytes go nowhere: the same fonts and metrics as the real one.
    detail::CairoSurfacePtr scratch(cairo_pdf_surface_create_for_stream(discard_bytes, nullptr, PAGE_W_PT, PAGE_H_PT));
    check_surface(scratch.get(), path);
    std::vector<detail::TableGeometry> tables;
    {
        detail::CairoPtr cr(cairo_create(scratch.get()));
        PangoText text(cr.get());
        for (const auto& s : doc.sections)
            for (const auto& b : s.blocks)
                if (const auto* t = std::get_if<DocTable>(&b))
                    tables.push_back(detail::measure_table(text, *t, TEXT_W_PT));
    }
    const PassResult first = PdfFlow(scratch.get(), doc, tables, nullptr).run();
    scratch.reset();

    AtomicOutput out(path);
    detail::CairoSurfacePtr surface(cairo_pdf_surface_create(out.temp_path().c_str(), PAGE_W_PT, PAGE_H_PT));
    check_surface(surface.get(), path);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, doc.generator.c_str());
    // No creation date: the same document gives the same bytes.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
    const PassResult second = PdfFlow(surface.get(), doc, tables, &first).run();
    if (second.pages != first.pages)
        throw error("report: the PDF's two passes disagree on the page count (" + std::to_string(first.pages) +
                    " and " + std::to_string(second.pages) + ")");
    cairo_surface_finish(surface.get());
    check_surface(surface.get(), path);
    surface.reset();
    out.commit();
}

void write_document(const Document& doc, const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".html" || ext == ".htm")
        write_document_html(doc, path);
    else if (ext == ".pdf")
        write_document_pdf(doc, path);
    else
        throw usage_error("report: cannot tell the format of '" + path + "' from its extension: use .html or .pdf");
}

}  // namespace basural
