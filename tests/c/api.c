/* Every function of the C API, with every error path. Usage: api TMPDIR */
#include "check.h"

#define LEXICON                                                                \
    "[firearms severity=high]\n"                                               \
    "枪支\n"                                                                   \
    "gun\n"                                                                    \
    "allow: 水枪\n"                                                            \
    "[fraud]\n"                                                                \
    "代开发票\n"

static jw_filter *build_default(void) {
    jw_builder *b = jw_builder_new();
    jw_filter *f = NULL;
    CHECK(b != NULL);
    CHECK_OK(jw_builder_add_lexicon(b, S(LEXICON), S("test.lex")));
    CHECK_OK(jw_builder_build(b, &f, NULL));
    CHECK(f != NULL);
    jw_builder_free(b);
    return f;
}

/* The term text of match i, copied into a NUL-terminated buffer. */
static const char *term_of(const jw_matches *m, size_t i) {
    static char buf[256];
    const uint8_t *p = NULL;
    size_t n = 0;
    CHECK_OK(jw_matches_term(m, i, &p, &n));
    CHECK(n < sizeof buf);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

static const char *category_of(const jw_matches *m, size_t i) {
    static char buf[256];
    const uint8_t *p = NULL;
    size_t n = 0;
    CHECK_OK(jw_matches_category_name(m, i, &p, &n));
    CHECK(n < sizeof buf);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

static void test_version_and_messages(void) {
    CHECK(strcmp(jw_version(), JW_VERSION_STRING) == 0);
    CHECK(JW_VERSION_MAJOR >= 0 && JW_VERSION_MINOR >= 0 && JW_VERSION_PATCH >= 0);
    CHECK(strcmp(jw_result_message(JW_OK), "ok") == 0);
    CHECK(strcmp(jw_result_message(JW_INVALID_UTF8), "text is not valid utf-8") == 0);
    CHECK(strcmp(jw_result_message(9999), "unknown result code") == 0);
    /* The numbers are part of the ABI. */
    CHECK(JW_OK == 0 && JW_NULL_PARAMETER == 1 && JW_INVALID_UTF8 == 2);
    CHECK(JW_INVALID_LEXICON == 3 && JW_INVALID_PATTERN == 4 && JW_CORRUPT_FILTER == 5);
    CHECK(JW_BUFFER_TOO_SMALL == 6 && JW_PANIC == 7 && JW_IO == 8 && JW_INVALID_FLAGS == 9);
    CHECK(JW_EMPTY_TERM == 10 && JW_SIZE_LIMIT == 11 && JW_UNSUPPORTED_VERSION == 12);
    CHECK(JW_OUT_OF_RANGE == 13);
}

static void test_null_handles(void) {
    jw_filter *f = NULL;
    jw_matches *m = NULL;
    bool hit = false;
    size_t n = 0;
    const uint8_t *p = NULL;
    jw_match one;

    jw_error_free(NULL);
    jw_builder_free(NULL);
    jw_filter_free(NULL);
    jw_matches_free(NULL);

    CHECK(jw_error_code(NULL) == JW_NULL_PARAMETER);
    CHECK(strcmp(jw_error_message(NULL), "") == 0);
    CHECK(jw_error_line(NULL) == 0 && jw_error_column(NULL) == 0);

    CHECK_RESULT(jw_builder_add_lexicon(NULL, S("x"), S("s")), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_add_lexicon_file(NULL, S("/x")), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_add_term(NULL, S("x"), S("c"), JW_SEVERITY_LOW), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_add_allow(NULL, S("x")), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_add_regex(NULL, S("x"), NULL, 0, S("c"), 1), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_set_options(NULL, 0), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_set_max_gap(NULL, 3), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_set_max_variants(NULL, 3), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_build(NULL, &f, NULL), JW_NULL_PARAMETER);
    CHECK(f == NULL);

    CHECK(jw_filter_clone(NULL) == NULL);
    CHECK_RESULT(jw_filter_save(NULL, NULL, 0, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_is_match(NULL, S("x"), 0, &hit), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_find(NULL, S("x"), 0, m), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_mask(NULL, S("x"), 0, 0, NULL, 0, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_category_name(NULL, 0, &p, &n), JW_NULL_PARAMETER);
    CHECK(jw_filter_term_count(NULL) == 0 && jw_filter_category_count(NULL) == 0);
    CHECK(jw_filter_heap_bytes(NULL) == 0);
    CHECK_RESULT(jw_filter_normalize(NULL, S("x"), NULL, 0, &n), JW_NULL_PARAMETER);

    CHECK(jw_matches_len(NULL) == 0);
    CHECK_RESULT(jw_matches_get(NULL, 0, &one), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_matches_term(NULL, 0, &p, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_matches_category_name(NULL, 0, &p, &n), JW_NULL_PARAMETER);
}

static void test_null_arguments(void) {
    jw_builder *b = jw_builder_new();
    jw_filter *f = build_default();
    jw_matches *m = jw_matches_new();
    size_t n = 0;
    bool hit = false;
    const uint8_t *p = NULL;

    /* (NULL, 0) is the empty string; (NULL, n > 0) is an error. */
    CHECK_OK(jw_builder_add_lexicon(b, NULL, 0, NULL, 0));
    CHECK_RESULT(jw_builder_add_lexicon(b, NULL, 3, NULL, 0), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_add_term(b, NULL, 1, S("c"), 1), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_builder_build(b, NULL, NULL), JW_NULL_PARAMETER);

    CHECK_RESULT(jw_filter_save(f, NULL, 0, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_is_match(f, S("枪支"), 0, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_is_match(f, NULL, 4, 0, &hit), JW_NULL_PARAMETER);
    CHECK_OK(jw_filter_is_match(f, NULL, 0, 0, &hit));
    CHECK(!hit);
    CHECK_RESULT(jw_filter_find(f, S("枪支"), 0, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_mask(f, S("枪支"), 0, 0, NULL, 0, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_category_name(f, 0, NULL, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_category_name(f, 0, &p, NULL), JW_NULL_PARAMETER);
    CHECK_OK(jw_filter_find(f, S("枪支"), 0, m));
    CHECK_RESULT(jw_matches_get(m, 0, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_matches_term(m, 0, NULL, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_matches_category_name(m, 0, &p, NULL), JW_NULL_PARAMETER);

    jw_matches_free(m);
    jw_filter_free(f);
    jw_builder_free(b);
}

static void test_builder_arguments(void) {
    jw_builder *b = jw_builder_new();
    CHECK_RESULT(jw_builder_add_lexicon(b, S("\xff\xfe"), S("bad.lex")), JW_INVALID_UTF8);
    CHECK_RESULT(jw_builder_add_lexicon(b, S("ok"), S("\xc3")), JW_INVALID_UTF8);
    CHECK_RESULT(jw_builder_add_term(b, S("\xe6\x9e"), S("c"), JW_SEVERITY_LOW), JW_INVALID_UTF8);
    CHECK_RESULT(jw_builder_add_term(b, S("x"), S("c"), 0), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_builder_add_term(b, S("x"), S("c"), 5), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_builder_add_allow(b, S("\x80")), JW_INVALID_UTF8);
    CHECK_RESULT(jw_builder_add_regex(b, S("a+"), S("n"), S("c"), 9), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_builder_set_options(b, 1u << 31), JW_INVALID_FLAGS);
    CHECK_RESULT(jw_builder_set_options(b, JW_OPT_ALL + 1), JW_INVALID_FLAGS);
    CHECK_OK(jw_builder_set_options(b, JW_OPT_ALL));
    CHECK_OK(jw_builder_set_options(b, 0));
    CHECK_OK(jw_builder_set_max_gap(b, 4));
    CHECK_OK(jw_builder_set_max_variants(b, 8));
    jw_builder_free(b);
}

static void test_build_and_scan(void) {
    jw_builder *b = jw_builder_new();
    jw_filter *f = NULL;
    jw_matches *m = jw_matches_new();
    jw_match one;
    bool hit = true;
    const uint8_t *p = NULL;
    size_t n = 0;
    /* "出售枪支" : 出售 is bytes 0..6, 枪支 bytes 6..12. */
    const char *text = "出售枪支，也卖gun";

    CHECK_OK(jw_builder_add_lexicon(b, S(LEXICON), S("test.lex")));
    CHECK_OK(jw_builder_add_term(b, S("代办身份证"), S("fraud"), JW_SEVERITY_CRITICAL));
    CHECK_OK(jw_builder_add_allow(b, S("枪支管理法")));
    CHECK_OK(jw_builder_add_regex(b, S("出售.{0,4}枪"), S("sell-gun"), S("firearms"),
                                  JW_SEVERITY_CRITICAL));
    CHECK_OK(jw_builder_build(b, &f, NULL));
    CHECK(jw_filter_term_count(f) == 5);
    CHECK(jw_filter_category_count(f) == 2);
    CHECK_OK(jw_filter_category_name(f, 0, &p, &n));
    CHECK(n > 0);
    CHECK_RESULT(jw_filter_category_name(f, 2, &p, &n), JW_OUT_OF_RANGE);

    CHECK_OK(jw_filter_is_match(f, S(text), 0, &hit));
    CHECK(hit);
    CHECK_OK(jw_filter_is_match(f, S("今天天气很好"), 0, &hit));
    CHECK(!hit);
    CHECK_OK(jw_filter_is_match(f, S("儿童水枪"), 0, &hit));
    CHECK(!hit);
    CHECK_OK(jw_filter_is_match(f, S("枪支管理法"), 0, &hit));
    CHECK(!hit);
    CHECK_RESULT(jw_filter_is_match(f, S(text), 4, &hit), JW_INVALID_FLAGS);

    CHECK(jw_matches_len(m) == 0);
    CHECK_RESULT(jw_matches_get(m, 0, &one), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_matches_term(m, 0, &p, &n), JW_OUT_OF_RANGE);

    /* All matches: the rule 出售枪 (0..9), the term 枪支 (6..12), the term gun. */
    CHECK_OK(jw_filter_find(f, S(text), JW_FIND_ALL, m));
    CHECK(jw_matches_len(m) == 3);
    CHECK_OK(jw_matches_get(m, 0, &one));
    CHECK(one.start == 0 && one.end == 9);
    CHECK(one.kind == JW_MATCH_RULE && one.severity == JW_SEVERITY_CRITICAL);
    CHECK(strcmp(term_of(m, 0), "sell-gun") == 0);
    CHECK(strcmp(category_of(m, 0), "firearms") == 0);
    CHECK_OK(jw_matches_get(m, 1, &one));
    CHECK(one.start == 6 && one.end == 12);
    CHECK(one.kind == JW_MATCH_TERM && one.severity == JW_SEVERITY_HIGH);
    CHECK(one.evasions == 0);
    CHECK(strcmp(term_of(m, 1), "枪支") == 0);
    CHECK(strcmp(category_of(m, 1), "firearms") == 0);
    CHECK_OK(jw_filter_category_name(f, one.category_id, &p, &n));
    CHECK(n == strlen("firearms") && memcmp(p, "firearms", n) == 0);
    CHECK_OK(jw_matches_get(m, 2, &one));
    CHECK(strcmp(term_of(m, 2), "gun") == 0);
    CHECK(memcmp(text + one.start, "gun", 3) == 0 && one.end == one.start + 3);
    CHECK_RESULT(jw_matches_get(m, 3, &one), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_matches_category_name(m, 3, &p, &n), JW_OUT_OF_RANGE);

    /* Non-overlapping: the rule (0..9) wins over the term starting inside it. */
    CHECK_OK(jw_filter_find(f, S(text), JW_FIND_NONOVERLAPPING, m));
    CHECK(jw_matches_len(m) == 2);
    CHECK_OK(jw_matches_get(m, 0, &one));
    CHECK(one.start == 0 && one.end == 9);

    /* Reuse: a second scan replaces the list; disguises are reported. */
    CHECK_OK(jw_filter_find(f, S("有槍 支嗎"), 0, m));
    CHECK(jw_matches_len(m) == 1);
    CHECK_OK(jw_matches_get(m, 0, &one));
    CHECK(one.start == 3 && one.end == 10);
    CHECK((one.evasions & JW_EVASION_TRADITIONAL) != 0);
    CHECK((one.evasions & JW_EVASION_SEPARATOR) != 0);
    CHECK(strcmp(term_of(m, 0), "枪支") == 0);
    CHECK_OK(jw_filter_find(f, S("代办身份证"), 0, m));
    CHECK(jw_matches_len(m) == 1);
    CHECK_OK(jw_matches_get(m, 0, &one));
    CHECK(one.severity == JW_SEVERITY_CRITICAL && one.start == 0 && one.end == 15);
    CHECK_OK(jw_filter_find(f, S("nothing here"), 0, m));
    CHECK(jw_matches_len(m) == 0);

    /* Unknown flags change nothing. */
    CHECK_OK(jw_filter_find(f, S("枪支"), 0, m));
    CHECK_RESULT(jw_filter_find(f, S("gun"), 1u << 7, m), JW_INVALID_FLAGS);
    CHECK(jw_matches_len(m) == 1 && strcmp(term_of(m, 0), "枪支") == 0);

    jw_matches_free(m);
    jw_filter_free(f);
    jw_builder_free(b);
}

static void test_invalid_utf8(void) {
    jw_filter *f = build_default();
    jw_matches *m = jw_matches_new();
    jw_match one;
    bool hit = false;
    size_t n = 0;
    uint8_t out[64];
    /* 0xff, then 枪支, then a truncated sequence, then gun. */
    const char *text = "\xff枪支\xe6\x9e gun";

    CHECK_OK(jw_filter_find(f, S("枪支"), 0, m));
    CHECK_RESULT(jw_filter_find(f, S(text), 0, m), JW_INVALID_UTF8);
    CHECK(jw_matches_len(m) == 1); /* unchanged on failure */
    CHECK_RESULT(jw_filter_is_match(f, S(text), 0, &hit), JW_INVALID_UTF8);
    CHECK_RESULT(jw_filter_mask(f, S(text), '*', 0, out, sizeof out, &n), JW_INVALID_UTF8);

    CHECK_OK(jw_filter_is_match(f, S(text), JW_LOSSY_UTF8, &hit));
    CHECK(hit);
    CHECK_OK(jw_filter_is_match(f, S("\xff\xfe ok"), JW_LOSSY_UTF8, &hit));
    CHECK(!hit);
    CHECK_OK(jw_filter_find(f, S(text), JW_LOSSY_UTF8, m));
    CHECK(jw_matches_len(m) == 2);
    CHECK_OK(jw_matches_get(m, 0, &one));
    CHECK(one.start == 1 && one.end == 7); /* offsets into the original bytes */
    CHECK_OK(jw_matches_get(m, 1, &one));
    CHECK(one.start == 10 && one.end == 13);
    CHECK(memcmp(text + one.start, "gun", 3) == 0);

    /* An invalid byte is a hard boundary: 枪\xff支 does not match. */
    CHECK_OK(jw_filter_find(f, S("枪\xff支"), JW_LOSSY_UTF8, m));
    CHECK(jw_matches_len(m) == 0);

    /* Lossy masking keeps invalid bytes as they were. */
    CHECK_OK(jw_filter_mask(f, S(text), '#', JW_LOSSY_UTF8, out, sizeof out, &n));
    CHECK(n == strlen("\xff##\xe6\x9e ###"));
    CHECK(memcmp(out, "\xff##\xe6\x9e ###", n) == 0);

    jw_matches_free(m);
    jw_filter_free(f);
}

static void test_mask(void) {
    jw_filter *f = build_default();
    uint8_t out[64];
    size_t n = 0;
    const char *text = "出售枪支和gun";

    CHECK_OK(jw_filter_mask(f, S(text), 0, 0, out, sizeof out, &n));
    CHECK(n == strlen("出售**和***") && memcmp(out, "出售**和***", n) == 0);
    CHECK_OK(jw_filter_mask(f, S(text), 0x2588, 0, out, sizeof out, &n));
    CHECK(n == strlen("出售██和███") && memcmp(out, "出售██和███", n) == 0);

    /* Too small: nothing copied, *written is the size needed. */
    memset(out, 'z', sizeof out);
    CHECK_RESULT(jw_filter_mask(f, S(text), '*', 0, out, 5, &n), JW_BUFFER_TOO_SMALL);
    CHECK(n == strlen("出售**和***"));
    CHECK(out[0] == 'z');
    CHECK_RESULT(jw_filter_mask(f, S(text), '*', 0, NULL, 0, &n), JW_BUFFER_TOO_SMALL);
    CHECK(n == strlen("出售**和***"));
    CHECK_OK(jw_filter_mask(f, S(text), '*', 0, out, n, &n));

    CHECK_RESULT(jw_filter_mask(f, S(text), 0xD800, 0, out, sizeof out, &n), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_filter_mask(f, S(text), 0x110000, 0, out, sizeof out, &n), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_filter_mask(f, S(text), '*', 8, out, sizeof out, &n), JW_INVALID_FLAGS);
    CHECK_OK(jw_filter_mask(f, NULL, 0, '*', 0, NULL, 0, &n));
    CHECK(n == 0);
    jw_filter_free(f);
}

static void test_normalize(void) {
    jw_filter *f = build_default();
    uint8_t out[64];
    size_t n = 0;
    const char *text = "軍 火 Ｗ３ａｐ０ｎ";

    CHECK(jw_filter_heap_bytes(f) > 0);
    CHECK_OK(jw_filter_normalize(f, S(text), out, sizeof out, &n));
    CHECK(n == strlen("军火weapon") && memcmp(out, "军火weapon", n) == 0);
    CHECK_RESULT(jw_filter_normalize(f, S(text), out, 3, &n), JW_BUFFER_TOO_SMALL);
    CHECK(n == strlen("军火weapon"));
    CHECK_RESULT(jw_filter_normalize(f, S(text), out, sizeof out, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_normalize(f, S("\xff"), out, sizeof out, &n), JW_INVALID_UTF8);
    jw_filter_free(f);
}

static void test_save_and_load(void) {
    jw_filter *f = build_default();
    jw_filter *g = NULL;
    jw_matches *m = jw_matches_new();
    jw_error *err = NULL;
    jw_match one;
    size_t need = 0, n = 0;
    uint8_t small[4];
    uint8_t *buf;

    CHECK_RESULT(jw_filter_save(f, NULL, 0, &need), JW_BUFFER_TOO_SMALL);
    CHECK(need > 8);
    CHECK_RESULT(jw_filter_save(f, small, sizeof small, &n), JW_BUFFER_TOO_SMALL);
    CHECK(n == need);
    buf = malloc(need);
    CHECK(buf != NULL);
    CHECK_OK(jw_filter_save(f, buf, need, &n));
    CHECK(n == need);

    CHECK_RESULT(jw_filter_load(buf, n, NULL, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_load(NULL, n, &g, NULL), JW_NULL_PARAMETER);
    CHECK_OK(jw_filter_load(buf, n, &g, &err));
    CHECK(g != NULL && err == NULL);
    CHECK(jw_filter_term_count(g) == jw_filter_term_count(f));
    CHECK_OK(jw_filter_find(g, S("卖枪支"), 0, m));
    CHECK(jw_matches_len(m) == 1);
    CHECK_OK(jw_matches_get(m, 0, &one));
    CHECK(one.start == 3 && one.end == 9);
    jw_filter_free(g);
    g = NULL;

    /* A flipped byte in the payload fails the checksum. */
    buf[n / 2] ^= 0x55;
    CHECK_RESULT(jw_filter_load(buf, n, &g, &err), JW_CORRUPT_FILTER);
    CHECK(g == NULL && err != NULL);
    CHECK(jw_error_code(err) == JW_CORRUPT_FILTER);
    CHECK(strlen(jw_error_message(err)) > 0);
    CHECK(jw_error_line(err) == 0);
    jw_error_free(err);
    err = NULL;
    buf[n / 2] ^= 0x55;

    /* Truncated, and not a saved filter at all; err is optional. */
    CHECK_RESULT(jw_filter_load(buf, n - 1, &g, &err), JW_CORRUPT_FILTER);
    jw_error_free(err);
    err = NULL;
    CHECK_RESULT(jw_filter_load(S("hello, world"), &g, NULL), JW_CORRUPT_FILTER);
    CHECK_RESULT(jw_filter_load(NULL, 0, &g, NULL), JW_CORRUPT_FILTER);
    CHECK(g == NULL);

    free(buf);
    jw_matches_free(m);
    jw_filter_free(f);
}

static void test_build_errors(const char *tmpdir) {
    jw_builder *b = jw_builder_new();
    jw_filter *f = NULL;
    jw_error *err = NULL;
    char path[1024];
    FILE *file;

    /* A bad attribute on line 3. */
    CHECK_OK(jw_builder_add_lexicon(b, S("[firearms]\n枪支\n弹药 | colour=red\n"), S("tenant.lex")));
    CHECK_RESULT(jw_builder_build(b, &f, &err), JW_INVALID_LEXICON);
    CHECK(f == NULL && err != NULL);
    CHECK(jw_error_code(err) == JW_INVALID_LEXICON);
    CHECK(jw_error_line(err) == 3);
    CHECK(jw_error_column(err) >= 1);
    CHECK(strstr(jw_error_message(err), "tenant.lex:3:") != NULL);
    CHECK(strstr(jw_error_message(err), "colour") != NULL);
    jw_error_free(err);
    err = NULL;
    CHECK_RESULT(jw_builder_build(b, &f, NULL), JW_INVALID_LEXICON);
    jw_builder_free(b);

    b = jw_builder_new();
    CHECK_OK(jw_builder_add_term(b, S("★★"), S("junk"), JW_SEVERITY_LOW));
    CHECK_RESULT(jw_builder_build(b, &f, &err), JW_EMPTY_TERM);
    CHECK(strlen(jw_error_message(err)) > 0);
    jw_error_free(err);
    err = NULL;
    jw_builder_free(b);

    b = jw_builder_new();
    CHECK_OK(jw_builder_add_regex(b, S("出售(枪"), NULL, 0, NULL, 0, JW_SEVERITY_HIGH));
    CHECK_RESULT(jw_builder_build(b, &f, &err), JW_INVALID_PATTERN);
    jw_error_free(err);
    err = NULL;
    jw_builder_free(b);

    b = jw_builder_new();
    snprintf(path, sizeof path, "%s/missing.lex", tmpdir);
    CHECK_OK(jw_builder_add_lexicon_file(b, S(path)));
    CHECK_RESULT(jw_builder_build(b, &f, &err), JW_IO);
    CHECK(strstr(jw_error_message(err), "missing.lex") != NULL);
    jw_error_free(err);
    err = NULL;
    jw_builder_free(b);

    /* A lexicon file that exists, and a builder reused after a failure. */
    snprintf(path, sizeof path, "%s/file.lex", tmpdir);
    file = fopen(path, "wb");
    CHECK(file != NULL);
    fputs(LEXICON, file);
    CHECK(fclose(file) == 0);
    b = jw_builder_new();
    CHECK_OK(jw_builder_add_lexicon_file(b, S(path)));
    CHECK_OK(jw_builder_build(b, &f, &err));
    CHECK(f != NULL && err == NULL);
    CHECK(jw_filter_term_count(f) == 3);
    jw_filter_free(f);
    f = NULL;
    CHECK_OK(jw_builder_add_term(b, S("★"), S("junk"), JW_SEVERITY_LOW));
    CHECK_RESULT(jw_builder_build(b, &f, NULL), JW_EMPTY_TERM);
    jw_builder_free(b);
}

static void test_options(void) {
    jw_builder *b = jw_builder_new();
    jw_filter *plain = NULL, *pinyin = NULL;
    bool hit = false;

    CHECK_OK(jw_builder_add_term(b, S("gun"), S("firearms"), JW_SEVERITY_HIGH));
    CHECK_OK(jw_builder_add_term(b, S("军火"), S("firearms"), JW_SEVERITY_HIGH));
    CHECK_OK(jw_builder_set_options(b, JW_OPT_NO_LEET));
    CHECK_OK(jw_builder_build(b, &plain, NULL));
    CHECK_OK(jw_filter_is_match(plain, S("g u n"), 0, &hit));
    CHECK(hit);
    CHECK_OK(jw_filter_is_match(plain, S("9un"), 0, &hit));
    CHECK(!hit);
    CHECK_OK(jw_filter_is_match(plain, S("junhuo"), 0, &hit));
    CHECK(!hit);

    CHECK_OK(jw_builder_set_options(b, JW_OPT_PINYIN));
    CHECK_OK(jw_builder_build(b, &pinyin, NULL));
    CHECK_OK(jw_filter_is_match(pinyin, S("junhuo"), 0, &hit));
    CHECK(hit);

    jw_filter_free(plain);
    jw_filter_free(pinyin);
    jw_builder_free(b);
}

static void test_default_lexicon_and_terms(void) {
    jw_builder *b = jw_builder_new();
    CHECK(b != NULL);
    CHECK_RESULT(jw_builder_add_default_lexicon(NULL), JW_NULL_PARAMETER);
    CHECK_OK(jw_builder_add_default_lexicon(b));
    jw_filter *f = NULL;
    CHECK_OK(jw_builder_build(b, &f, NULL));
    jw_builder_free(b);
    const char *ad = "出售仿真槍，货到付款";
    bool hit = false;
    CHECK_OK(jw_filter_is_match(f, (const uint8_t *)ad, strlen(ad), 0, &hit));
    CHECK(hit);
    jw_matches *m = jw_matches_new();
    CHECK_OK(jw_filter_find(f, (const uint8_t *)ad, strlen(ad), JW_FIND_ALL, m));
    CHECK(jw_matches_len(m) > 0);
    jw_match first;
    CHECK_OK(jw_matches_get(m, 0, &first));
    const uint8_t *p = NULL;
    size_t n = 0, n2 = 0;
    const uint8_t *p2 = NULL;
    CHECK_OK(jw_filter_term(f, first.term_id, &p, &n));
    CHECK_OK(jw_matches_term(m, 0, &p2, &n2));
    CHECK(n == n2 && n > 0 && memcmp(p, p2, n) == 0);
    CHECK_RESULT(jw_filter_term(f, 0xFFFFFFFFu, &p, &n), JW_OUT_OF_RANGE);
    CHECK_RESULT(jw_filter_term(NULL, 0, &p, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_term(f, 0, NULL, &n), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_term(f, 0, &p, NULL), JW_NULL_PARAMETER);
    jw_matches_free(m);
    jw_filter_free(f);
}

static void test_clone_and_swap(void) {
    jw_filter *f = build_default();
    jw_filter *g = jw_filter_clone(f);
    jw_matches *m = jw_matches_new();
    bool hit = false;

    CHECK(g != NULL && g != f);
    jw_filter_free(f);
    CHECK_OK(jw_filter_is_match(g, S("枪支"), 0, &hit));
    CHECK(hit);
    CHECK_OK(jw_filter_find(g, S("枪支"), 0, m));
    /* The match list keeps the filter alive: names stay readable after the last handle is freed. */
    jw_filter_free(g);
    CHECK(jw_matches_len(m) == 1);
    CHECK(strcmp(term_of(m, 0), "枪支") == 0);
    CHECK(strcmp(category_of(m, 0), "firearms") == 0);
    jw_matches_free(m);
}

/* A loaded filter compiles its triggered regex rules on first use, or all at once when asked. */
static void test_compile_regex_rules(void) {
    jw_builder *b = jw_builder_new();
    jw_filter *f = NULL, *g = NULL;
    jw_matches *m = jw_matches_new();
    jw_error *err = NULL;
    size_t need = 0, n = 0, lazy = 0;
    uint8_t *buf;

    CHECK_OK(jw_builder_add_lexicon(
        b, S("[weapons]\nregex: 出售[^\\n]{0,6}枪支 | name=sell-gun\n"), S("r.lex")));
    CHECK_OK(jw_builder_build(b, &f, NULL));
    jw_builder_free(b);
    CHECK_OK(jw_filter_compile_regex_rules(f, &err));
    CHECK_RESULT(jw_filter_compile_regex_rules(NULL, NULL), JW_NULL_PARAMETER);
    CHECK_RESULT(jw_filter_save(f, NULL, 0, &need), JW_BUFFER_TOO_SMALL);
    buf = malloc(need);
    CHECK(buf != NULL);
    CHECK_OK(jw_filter_save(f, buf, need, &n));
    CHECK_OK(jw_filter_load(buf, n, &g, NULL));
    lazy = jw_filter_heap_bytes(g);
    CHECK_OK(jw_filter_compile_regex_rules(g, &err));
    CHECK(err == NULL && jw_filter_heap_bytes(g) > lazy);
    CHECK_OK(jw_filter_find(g, S("出售仿真枪支"), 0, m));
    CHECK(jw_matches_len(m) == 1);
    free(buf);
    jw_matches_free(m);
    jw_filter_free(f);
    jw_filter_free(g);
}

int main(int argc, char **argv) {
    const char *tmpdir = argc > 1 ? argv[1] : ".";
    test_version_and_messages();
    test_null_handles();
    test_null_arguments();
    test_builder_arguments();
    test_build_and_scan();
    test_invalid_utf8();
    test_mask();
    test_normalize();
    test_save_and_load();
    test_compile_regex_rules();
    test_build_errors(tmpdir);
    test_options();
    test_clone_and_swap();
    test_default_lexicon_and_terms();
    printf("api: ok\n");
    return 0;
}
