// The message catalogue: lookup, plural forms and placeholders (basural/base/messages.hpp).
#include "basural/base/messages.hpp"

#include "base/catalogue.hpp"
#include "basural/base/error.hpp"

#include <algorithm>
#include <unordered_map>

namespace basural {
namespace {

struct Index {
    std::vector<CatalogueEntry> entries;
    std::vector<RegionalEntry> regional;
    std::unordered_map<std::string_view, const CatalogueEntry*> by_key;
};

const Index& index()
{
    static const Index idx = [] {
        Index i;
        for (const auto part : {detail::catalogue_terms(), detail::catalogue_maps(), detail::catalogue_commands(),
                                detail::catalogue_report()})
            i.entries.insert(i.entries.end(), part.begin(), part.end());
        for (const auto part : {detail::catalogue_regional(), detail::catalogue_report_regional()})
            i.regional.insert(i.regional.end(), part.begin(), part.end());
        for (const auto& e : i.entries)
            i.by_key.emplace(e.key, &e);  // a repeated key keeps its first text; a test forbids repeats
        return i;
    }();
    return idx;
}

std::string_view text_of(const Locale& locale, std::string_view key)
{
    const Index& idx = index();
    const auto it = idx.by_key.find(key);
    if (it == idx.by_key.end())
        throw error("message catalogue: no message '" + std::string(key) + "'");
    if (!locale.region.empty())
        for (const auto& r : idx.regional)
            if (r.key == key && r.language == locale.language && r.region == locale.region)
                return r.text;
    switch (locale.language) {
    case Language::es: return it->second->es;
    case Language::pt: return it->second->pt;
    case Language::en: break;
    }
    return it->second->en;
}

std::string substitute(std::string_view text, std::string_view key, const MessageArgs& args)
{
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = text.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, open - i));
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (arg == args.end())
            throw error("message catalogue: '" + std::string(key) + "' needs a value for {" + std::string(name) + "}");
        out += arg->second;
        i = close + 1;
    }
    return out;
}

}  // namespace

std::string tr(const Locale& locale, std::string_view key, const MessageArgs& args)
{
    return substitute(text_of(locale, key), key, args);
}

std::string tr_n(const Locale& locale, std::string_view key, std::int64_t n, const MessageArgs& args)
{
    const std::string full =
        std::string(key) + (plural_form(locale, n) == PluralForm::one ? ":one" : ":other");
    MessageArgs all = args;
    all.emplace_back("n", format_count(n, locale.numbers));
    return substitute(text_of(locale, full), full, all);
}

bool has_message(std::string_view key) noexcept
{
    const auto& by_key = index().by_key;
    return by_key.count(key) != 0 || by_key.count(std::string(key) + ":other") != 0;
}

const std::vector<CatalogueEntry>& message_catalogue()
{
    return index().entries;
}

const std::vector<RegionalEntry>& regional_messages()
{
    return index().regional;
}

std::vector<std::string> message_placeholders(std::string_view text)
{
    std::vector<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos)
            break;
        out.emplace_back(text.substr(open + 1, close - open - 1));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace basural
