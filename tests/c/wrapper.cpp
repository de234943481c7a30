// The C API through a small C++17 RAII wrapper, as a C++ service would use it.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jingwang.h"

namespace jw {

class Error : public std::runtime_error {
public:
    Error(jw_result code, std::string message, unsigned line)
        : std::runtime_error(std::move(message)), code_(code), line_(line) {}
    jw_result code() const { return code_; }
    unsigned line() const { return line_; }

private:
    jw_result code_;
    unsigned line_;
};

inline const uint8_t *bytes(std::string_view s) {
    return reinterpret_cast<const uint8_t *>(s.data());
}

inline void check(jw_result r) {
    if (r != JW_OK) throw Error(r, jw_result_message(r), 0);
}

// Throws the jw_error (and frees it) when r is not JW_OK.
inline void check(jw_result r, jw_error *err) {
    if (r == JW_OK) return;
    std::unique_ptr<jw_error, decltype(&jw_error_free)> owned(err, jw_error_free);
    if (!owned) throw Error(r, jw_result_message(r), 0);
    throw Error(r, jw_error_message(owned.get()), jw_error_line(owned.get()));
}

struct Hit {
    size_t start, end;
    std::string term, category;
    uint8_t severity;
};

class Filter {
public:
    explicit Filter(jw_filter *raw) : raw_(raw, jw_filter_free) {}
    // Copying shares the filter (a reference count), so a service can swap filters freely.
    Filter(const Filter &other) : raw_(jw_filter_clone(other.raw_.get()), jw_filter_free) {}
    Filter &operator=(const Filter &other) {
        raw_.reset(jw_filter_clone(other.raw_.get()));
        return *this;
    }
    Filter(Filter &&) = default;
    Filter &operator=(Filter &&) = default;

    static Filter load(const std::vector<uint8_t> &data) {
        jw_filter *f = nullptr;
        jw_error *err = nullptr;
        jw_result r = jw_filter_load(data.data(), data.size(), &f, &err);
        check(r, err);  // not in one expression: argument order is unspecified
        return Filter(f);
    }

    std::vector<uint8_t> save() const {
        size_t need = 0;
        jw_result r = jw_filter_save(raw_.get(), nullptr, 0, &need);
        if (r != JW_BUFFER_TOO_SMALL) check(r);
        std::vector<uint8_t> out(need);
        check(jw_filter_save(raw_.get(), out.data(), out.size(), &need));
        return out;
    }

    bool is_match(std::string_view text) const {
        bool hit = false;
        check(jw_filter_is_match(raw_.get(), bytes(text), text.size(), 0, &hit));
        return hit;
    }

    std::string mask(std::string_view text, char32_t with = U'*') const {
        std::string out(text.size() * 2 + 8, '\0');
        size_t n = 0;
        jw_result r = jw_filter_mask(raw_.get(), bytes(text), text.size(), with, 0,
                                     reinterpret_cast<uint8_t *>(out.data()), out.size(), &n);
        if (r == JW_BUFFER_TOO_SMALL) {
            out.resize(n);
            r = jw_filter_mask(raw_.get(), bytes(text), text.size(), with, 0,
                               reinterpret_cast<uint8_t *>(out.data()), out.size(), &n);
        }
        check(r);
        out.resize(n);
        return out;
    }

    const jw_filter *get() const { return raw_.get(); }

private:
    std::unique_ptr<jw_filter, decltype(&jw_filter_free)> raw_;
};

class Builder {
public:
    Builder() : raw_(jw_builder_new(), jw_builder_free) {}
    Builder &lexicon(std::string_view text, std::string_view source) {
        check(jw_builder_add_lexicon(raw_.get(), bytes(text), text.size(), bytes(source),
                                     source.size()));
        return *this;
    }
    Builder &term(std::string_view text, std::string_view category, uint8_t severity) {
        check(jw_builder_add_term(raw_.get(), bytes(text), text.size(), bytes(category),
                                  category.size(), severity));
        return *this;
    }
    Filter build() const {
        jw_filter *f = nullptr;
        jw_error *err = nullptr;
        jw_result r = jw_builder_build(raw_.get(), &f, &err);
        check(r, err);
        return Filter(f);
    }

private:
    std::unique_ptr<jw_builder, decltype(&jw_builder_free)> raw_;
};

// One per thread: reusable scan memory.
class Scanner {
public:
    Scanner() : raw_(jw_matches_new(), jw_matches_free) {}
    std::vector<Hit> find(const Filter &filter, std::string_view text) {
        check(jw_filter_find(filter.get(), bytes(text), text.size(), JW_FIND_NONOVERLAPPING,
                             raw_.get()));
        std::vector<Hit> hits;
        for (size_t i = 0; i < jw_matches_len(raw_.get()); i++) {
            jw_match m;
            const uint8_t *p = nullptr;
            size_t n = 0;
            check(jw_matches_get(raw_.get(), i, &m));
            Hit hit{m.start, m.end, {}, {}, m.severity};
            check(jw_matches_term(raw_.get(), i, &p, &n));
            hit.term.assign(reinterpret_cast<const char *>(p), n);
            check(jw_matches_category_name(raw_.get(), i, &p, &n));
            hit.category.assign(reinterpret_cast<const char *>(p), n);
            hits.push_back(std::move(hit));
        }
        return hits;
    }

private:
    std::unique_ptr<jw_matches, decltype(&jw_matches_free)> raw_;
};

}  // namespace jw

#define CHECK(cond)                                                                \
    do {                                                                           \
        if (!(cond)) {                                                             \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                         #cond);                                                   \
            std::exit(1);                                                          \
        }                                                                          \
    } while (0)

int main() {
    using namespace std::string_view_literals;
    CHECK(std::string(jw_version()) == JW_VERSION_STRING);

    jw::Filter filter = jw::Builder()
                            .lexicon("[firearms severity=high]\n枪支\nallow: 水枪\n"sv, "svc.lex"sv)
                            .term("gun"sv, "firearms"sv, JW_SEVERITY_CRITICAL)
                            .build();
    CHECK(filter.is_match("出售枪支"sv));
    CHECK(!filter.is_match("儿童水枪"sv));
    CHECK(filter.mask("卖gun"sv) == "卖***");

    jw::Scanner scanner;
    auto hits = scanner.find(filter, "出售枪支和GUN"sv);
    CHECK(hits.size() == 2);
    CHECK(hits[0].start == 6 && hits[0].end == 12 && hits[0].term == "枪支");
    CHECK(hits[1].term == "gun" && hits[1].category == "firearms");
    CHECK(hits[1].severity == JW_SEVERITY_CRITICAL);

    // Save, load, and swap the live filter while a copy is still in use.
    jw::Filter copy = filter;
    filter = jw::Filter::load(copy.save());
    CHECK(scanner.find(filter, "枪支"sv).size() == 1);
    CHECK(scanner.find(copy, "gun"sv).size() == 1);

    try {
        jw::Builder().lexicon("ok\n[bad section\n"sv, "svc.lex"sv).build();
        CHECK(false);
    } catch (const jw::Error &e) {
        CHECK(e.code() == JW_INVALID_LEXICON);
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("svc.lex:2:") != std::string::npos);
    }
    try {
        jw::Filter::load({1, 2, 3});
        CHECK(false);
    } catch (const jw::Error &e) {
        CHECK(e.code() == JW_CORRUPT_FILTER);
    }
    std::printf("wrapper: ok\n");
    return 0;
}
