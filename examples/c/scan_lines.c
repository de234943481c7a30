/*
 * scan_lines: read lines from stdin and print every match jingwang finds in them.
 *
 *   cc -std=c99 scan_lines.c $(pkg-config --cflags --libs jingwang) -o scan_lines
 *   ./scan_lines my.lex < messages.txt
 *
 * With no argument it uses a tiny built-in lexicon. Each match prints as
 *   LINE:START-END  SEVERITY  CATEGORY  TERM  "MATCHED TEXT"
 * with START and END as byte offsets into the line. Invalid UTF-8 is tolerated (JW_LOSSY_UTF8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jingwang.h"

static const char DEMO_LEXICON[] =
    "[firearms severity=high]\n"
    "枪支\n"
    "gun\n"
    "allow: 水枪\n"
    "[fraud severity=medium]\n"
    "代开发票\n";

static const char *const SEVERITY[] = {"?", "low", "medium", "high", "critical"};

static int fail(const char *what, jw_result r, jw_error *err) {
    fprintf(stderr, "scan_lines: %s: %s\n", what,
            err != NULL ? jw_error_message(err) : jw_result_message(r));
    jw_error_free(err);
    return 1;
}

/* Reads one line (without its newline) into *buf, growing it; returns 0 at end of input. */
static int read_line(char **buf, size_t *cap, size_t *len) {
    *len = 0;
    for (;;) {
        if (*cap - *len < 2) {
            size_t bigger = *cap ? *cap * 2 : 256;
            char *grown = realloc(*buf, bigger);
            if (grown == NULL) return 0;
            *buf = grown;
            *cap = bigger;
        }
        if (fgets(*buf + *len, (int)(*cap - *len), stdin) == NULL) return *len > 0;
        *len += strlen(*buf + *len);
        if (*len > 0 && (*buf)[*len - 1] == '\n') {
            (*buf)[--*len] = '\0';
            return 1;
        }
    }
}

int main(int argc, char **argv) {
    jw_builder *builder = jw_builder_new();
    jw_filter *filter = NULL;
    jw_matches *matches = jw_matches_new();
    jw_error *err = NULL;
    jw_result r;
    char *line = NULL;
    size_t cap = 0, len = 0, number = 0, total = 0;

    if (argc > 1) {
        r = jw_builder_add_lexicon_file(builder, (const uint8_t *)argv[1], strlen(argv[1]));
    } else {
        r = jw_builder_add_lexicon(builder, (const uint8_t *)DEMO_LEXICON, strlen(DEMO_LEXICON),
                                   (const uint8_t *)"demo", 4);
    }
    if (r != JW_OK) return fail("lexicon", r, NULL);
    r = jw_builder_build(builder, &filter, &err);
    jw_builder_free(builder);
    if (r != JW_OK) return fail("building the filter", r, err);

    while (read_line(&line, &cap, &len)) {
        size_t i, n;
        number++;
        r = jw_filter_find(filter, (const uint8_t *)line, len, JW_FIND_NONOVERLAPPING | JW_LOSSY_UTF8,
                           matches);
        if (r != JW_OK) return fail("scanning", r, NULL);
        n = jw_matches_len(matches);
        for (i = 0; i < n; i++) {
            jw_match m;
            const uint8_t *term, *category;
            size_t term_len, category_len;
            jw_matches_get(matches, i, &m);
            jw_matches_term(matches, i, &term, &term_len);
            jw_matches_category_name(matches, i, &category, &category_len);
            printf("%lu:%lu-%lu\t%s\t%.*s\t%.*s\t\"%.*s\"\n", (unsigned long)number,
                   (unsigned long)m.start, (unsigned long)m.end,
                   SEVERITY[m.severity <= 4 ? m.severity : 0], (int)category_len,
                   (const char *)category, (int)term_len, (const char *)term,
                   (int)(m.end - m.start), line + m.start);
        }
        total += n;
    }
    fprintf(stderr, "scan_lines: %lu lines, %lu matches (jingwang %s)\n", (unsigned long)number,
            (unsigned long)total, jw_version());
    free(line);
    jw_matches_free(matches);
    jw_filter_free(filter);
    return 0;
}
