// The document writers: one self-contained HTML page and an A4 PDF, read back by independent readers
// (poppler's pdfinfo and pdftotext for the PDF; the HTML's own text, and headless Chromium in the CLI
// tests). The document is built in code: a title, a contents list, key figures, a table long enough to
// run over pages (its header repeated), a chart, a map of a square country and a list.
#include "basural/base/error.hpp"
#include "basural/document/document.hpp"

#include "map_readers.hpp"
#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

using namespace basural;
using basural::test::count_of;
using basural::test::have_tool;
using basural::test::read_bytes;
using basural::test::run_tool;
using Catch::Contains;

namespace {

MapScene square_country()
{
    MapScene s;
    s.title = "Testland: disposal sites";
    s.focus.iso3 = "TST";
    s.focus.name = "Testland";
    s.focus.polygons = {{{{-50, -16}, {-48, -16}, {-48, -14}, {-50, -14}, {-50, -16}}}};
    MapPoint p;
    p.id = "S1";
    p.location = {-49.0, -15.0};
    p.category = "open_dump";
    p.size_value = 10.0;
    s.points.push_back(p);
    s.attribution_lines = {"Boundaries: fixture"};
    return s;
}

Document sample_document(std::size_t table_rows)
{
    Document doc;
    doc.lang = "es";
    doc.title = "Informe de prueba";
    doc.subtitle = "Testlandia, 2024";
    doc.cover_lines = {"basural 0.1.0", "Inventario: prueba"};
    doc.contents_title = "Contenido";
    doc.generator = "basural test";

    DocSection summary{"resumen", "Resumen", 1, {}};
    DocKeyFigures k;
    k.estimated_tag = "estimación";
    k.figures = {{"Basurales a cielo abierto", "1.234", "de 2.000 sitios", false},
                 {"Toneladas por día", "5.678", "", true}};
    summary.blocks.push_back(k);
    summary.blocks.push_back(DocParagraph{"Las cifras marcadas descansan en estimaciones.", ParagraphStyle::warning});
    summary.blocks.push_back(DocParagraph{"Un párrafo de texto con acentos: Año, Pará, São Paulo.", ParagraphStyle::body});

    DocSection states{"estados", "Por estado", 1, {}};
    DocTable t;
    t.id = "estados";
    t.caption = "Sitios por estado";
    t.columns = {{"Estado", false, 1.0}, {"Sitios", true, 0.0}, {"t/día", true, 0.0}};
    for (std::size_t i = 0; i < table_rows; ++i)
        t.rows.push_back({"Estado " + std::to_string(i + 1), std::to_string(i + 1), std::to_string(10 * (i + 1))});
    t.rows.push_back({"Total", "x", "y"});
    t.total_rows = 1;
    t.note = "Nota de la tabla.";
    states.blocks.push_back(t);

    DocSection charts{"graficos", "Gráficos", 2, {}};
    BarChart c;
    c.id = "barras";
    c.title = "Sitios por tipo";
    c.categories = {"Norte", "Sur"};
    c.series = {{"Basural", Rgb{0xd7, 0x30, 0x1f}, {3.0, 4.0}, {}}};
    charts.blocks.push_back(DocChart{c, "Figura 1: sitios.", 0.0});
    MapStyle style;
    style.width_px = 900;
    style.height_px = 640;
    charts.blocks.push_back(DocMap{"pais", "Mapa 1: Testlandia.", square_country(), style, {}});
    charts.blocks.push_back(DocList{{"Primero", "Segundo"}});
    doc.sections = {summary, states, charts};
    return doc;
}

}  // namespace

TEST_CASE("write_document_html: one offline page with every block", "[document]")
{
    const auto dir = basural::test::unit_scratch_dir("document_html");
    const auto path = dir / "informe.html";
    write_document(sample_document(5), path.string());
    const std::string html = read_bytes(path);
    CHECK_THAT(html, Contains("<html lang=\"es\""));
    CHECK_THAT(html, Contains("Content-Security-Policy\" content=\"default-src 'none'; img-src data:"));
    CHECK_THAT(html, Contains("<title>Informe de prueba</title>"));
    CHECK_THAT(html, Contains("<a href=\"#estados\">Por estado</a>"));
    CHECK_THAT(html, Contains("<section id=\"graficos\">\n<h3>Gráficos</h3>"));
    CHECK_THAT(html, Contains("<div class=\"tag\">estimación</div>"));
    CHECK_THAT(html, Contains("<p class=\"warning\">"));
    CHECK_THAT(html, Contains("<tr class=\"total\"><td>Total</td>"));
    CHECK_THAT(html, Contains("<td class=\"num\">50</td>"));
    CHECK(count_of(html, "<tr>") == 6);  // header + 5 rows; the total row has its class
    CHECK_THAT(html, Contains("<figure class=\"chart\" id=\"chart-barras\">\n<svg"));
    CHECK_THAT(html, Contains(">Sitios por tipo</text>"));
    CHECK_THAT(html, Contains("<figure class=\"map\" id=\"map-pais\">\n<img width=\"900\" height=\"640\""));
    CHECK_THAT(html, Contains("src=\"data:image/png;base64,iVBORw0KGgo"));  // a PNG's signature in base64
    // Nothing is loaded from anywhere: no src or href but data: URIs and the page's own anchors.
    const std::regex external(R"re((src|href)="(?!data:|#)[^"]*")re");
    CHECK_FALSE(std::regex_search(html, external));
    // Deterministic.
    const auto again = dir / "again.html";
    write_document(sample_document(5), again.string());
    CHECK(read_bytes(again) == html);
}

TEST_CASE("write_document_pdf: A4 pages, numbered, tables split with their header repeated", "[document]")
{
    if (!have_tool("pdfinfo") || !have_tool("pdftotext"))
        FAIL("pdfinfo and pdftotext (Debian package poppler-utils) are needed: run scripts/install-deps.sh");
    const auto dir = basural::test::unit_scratch_dir("document_pdf");
    const auto path = dir / "informe.pdf";
    write_document(sample_document(120), path.string());
    REQUIRE(run_tool({"pdfinfo", path.string()}, dir / "info.txt", dir / "info.err") == 0);
    const std::string info = read_bytes(dir / "info.txt");
    CHECK_THAT(info, Contains("Title:           Informe de prueba"));
    CHECK_THAT(info, Contains("Page size:       595.276 x 841.89 pts (A4)"));
    std::smatch m;
    REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
    const int pages = std::stoi(m[1]);
    CHECK(pages >= 4);  // title and contents, summary, 120 rows over at least two pages, charts
    REQUIRE(run_tool({"pdftotext", "-layout", path.string(), (dir / "text.txt").string()}, dir / "t.out", dir / "t.err") == 0);
    const std::string text = read_bytes(dir / "text.txt");
    CHECK_THAT(text, Contains("Informe de prueba"));
    CHECK_THAT(text, Contains("Contenido"));
    CHECK_THAT(text, Contains("São Paulo"));
    CHECK_THAT(text, Contains("estimación"));
    CHECK_THAT(text, Contains("Estado 120"));
    CHECK_THAT(text, Contains("Figura 1: sitios."));
    CHECK_THAT(text, Contains("Testland: disposal sites"));  // the map's own title, drawn as text
    // every page numbered "n / N" at its foot
    for (int p = 1; p <= pages; ++p) {
        const auto page_text = dir / ("page" + std::to_string(p) + ".txt");
        REQUIRE(run_tool({"pdftotext", "-f", std::to_string(p), "-l", std::to_string(p), path.string(), page_text.string()},
                         dir / "p.out", dir / "p.err") == 0);
        const std::regex number("(^|\\s)" + std::to_string(p) + "\\s*/\\s*" + std::to_string(pages) + "\\s*$");
        CHECK(std::regex_search(read_bytes(page_text), number));
    }
    // the table's header is repeated on each page it runs over
    const std::size_t header_repeats = count_of(text, "Estado ");
    CHECK(header_repeats > 120);
    CHECK(count_of(text, "t/día") >= 2);
    // Deterministic.
    const auto again = dir / "again.pdf";
    write_document(sample_document(120), again.string());
    CHECK(read_bytes(again) == read_bytes(path));
}

TEST_CASE("Documents that cannot be written are refused", "[document]")
{
    const auto dir = basural::test::unit_scratch_dir("document_bad");
    Document doc = sample_document(2);
    CHECK_THROWS_AS(write_document(doc, (dir / "x.docx").string()), usage_error);
    std::get<DocTable>(doc.sections[1].blocks[0]).rows[0].pop_back();
    CHECK_THROWS_WITH(write_document(doc, (dir / "x.pdf").string()), Contains("table 'estados' row 1 has 2 cells for 3 columns"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.pdf"));
    doc = sample_document(2);
    doc.sections[2].id = "estados";
    CHECK_THROWS_AS(write_document(doc, (dir / "x.html").string()), usage_error);
}

TEST_CASE("write_document_pdf: lists and paragraphs that run over a page keep every item's text", "[document]")
{
    // 120 list items and 60 paragraphs (every other one a warning): page breaks fall before some of
    // them, where the writer ends a page (drawing its footer) between laying out a text and drawing it.
    if (!have_tool("pdftotext"))
        FAIL("pdftotext (Debian package poppler-utils) is needed: run scripts/install-deps.sh");
    Document doc;
    doc.lang = "es";
    doc.title = "Informe largo";
    doc.contents_title = "Contenido";
    DocSection s{"lista", "Lista", 1, {}};
    DocList l;
    for (int i = 1; i <= 120; ++i)
        l.items.push_back("Elemento " + std::to_string(i) + " de la lista");
    s.blocks.push_back(l);
    for (int i = 1; i <= 60; ++i)
        s.blocks.push_back(DocParagraph{"Párrafo " + std::to_string(i) + " del texto.",
                                        i % 2 == 0 ? ParagraphStyle::warning : ParagraphStyle::body});
    doc.sections = {s};
    const auto dir = basural::test::unit_scratch_dir("document_pdf_breaks");
    const auto path = dir / "largo.pdf";
    write_document(doc, path.string());
    REQUIRE(run_tool({"pdftotext", path.string(), (dir / "text.txt").string()}, dir / "t.out", dir / "t.err") == 0);
    const std::string text = read_bytes(dir / "text.txt");
    for (int i = 1; i <= 120; ++i)
        CHECK_THAT(text, Contains("Elemento " + std::to_string(i) + " de la lista"));
    for (int i = 1; i <= 60; ++i)
        CHECK_THAT(text, Contains("Párrafo " + std::to_string(i) + " del texto."));
    // The title is in the footer of every page but the first, and nowhere else.
    REQUIRE(run_tool({"pdfinfo", path.string()}, dir / "info.txt", dir / "info.err") == 0);
    std::smatch m;
    const std::string info = read_bytes(dir / "info.txt");
    REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
    CHECK(std::stoi(m[1]) >= 3);
    CHECK(count_of(text, "Informe largo") == static_cast<std::size_t>(std::stoi(m[1])));  // the cover's title + N - 1 footers
}

TEST_CASE("write_document_pdf: a paragraph, a warning and a table row taller than a page go on over the next pages", "[document]")
{
    // One paragraph of 600 sentences (several pages of text) must continue from page to page, each
    // sentence once; a table row taller than a page must not push itself on from page to page for ever.
    if (!have_tool("pdftotext"))
        FAIL("pdftotext (Debian package poppler-utils) is needed: run scripts/install-deps.sh");
    Document doc;
    doc.lang = "en";
    doc.title = "Long text";
    std::string text;
    for (int i = 1; i <= 600; ++i)
        text += "Sentence " + std::to_string(i) + " of the paragraph. ";
    DocSection s{"long", "Long", 1, {}};
    s.blocks.push_back(DocParagraph{text, ParagraphStyle::body});
    std::string warning;
    for (int i = 1; i <= 400; ++i)
        warning += "Warning " + std::to_string(i) + " of the box. ";
    s.blocks.push_back(DocParagraph{warning, ParagraphStyle::warning});
    DocTable t;
    t.id = "tall";
    t.columns = {{"Facility", false, 0.0}, {"Municipalities", false, 1.0}};
    std::string names;
    for (int i = 1; i <= 900; ++i)
        names += "Municipality" + std::to_string(i) + " 1%, ";
    t.rows = {{"F1", names}, {"F2", "Last row"}};
    s.blocks.push_back(t);
    doc.sections = {s};
    const auto dir = basural::test::unit_scratch_dir("document_pdf_long");
    const auto path = dir / "long.pdf";
    write_document(doc, path.string());
    REQUIRE(run_tool({"pdfinfo", path.string()}, dir / "info.txt", dir / "info.err") == 0);
    std::smatch m;
    const std::string info = read_bytes(dir / "info.txt");
    REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
    const int pages = std::stoi(m[1]);
    CHECK(pages >= 4);  // the cover, two pages or more of text, the table's tall row on a page of its own
    // The paragraph's text, page by page: every sentence once, and the pages after the cover each hold some.
    REQUIRE(run_tool({"pdftotext", "-f", "2", "-l", "2", path.string(), (dir / "p2.txt").string()}, dir / "t.out", dir / "t.err") == 0);
    REQUIRE(run_tool({"pdftotext", "-f", "3", "-l", "3", path.string(), (dir / "p3.txt").string()}, dir / "t.out", dir / "t.err") == 0);
    const auto words = [](std::string x) {  // line and page breaks as spaces
        std::replace_if(x.begin(), x.end(), [](char c) { return c == '\n' || c == '\f'; }, ' ');
        return x;
    };
    CHECK_THAT(words(read_bytes(dir / "p2.txt")), Contains("Sentence 1 of the paragraph."));
    CHECK_THAT(words(read_bytes(dir / "p3.txt")), Contains("of the paragraph."));
    CHECK_THAT(words(read_bytes(dir / "p3.txt")), !Contains("Sentence 1 of the paragraph."));
    REQUIRE(run_tool({"pdftotext", path.string(), (dir / "all.txt").string()}, dir / "t.out", dir / "t.err") == 0);
    const std::string all = words(read_bytes(dir / "all.txt"));
    for (int i = 1; i <= 600; ++i)
        CHECK(count_of(all, "Sentence " + std::to_string(i) + " ") == 1);  // " of" may stand after a page break
    for (int i = 1; i <= 400; ++i)
        CHECK(count_of(all, "Warning " + std::to_string(i) + " ") == 1);
    CHECK_THAT(all, Contains("Last row"));
}
