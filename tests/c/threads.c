/* Four threads scan one filter at once, each with its own match list, through a clone; the original
 * handle is freed while the scans run (the hot-swap pattern). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define THREADS 4
#define ROUNDS 300

static const char *const TEXTS[] = {
    "出售枪支，也卖gun",     /* 2 terms */
    "今天天气很好",          /* none */
    "有槍 支嗎？代开发票",   /* 2 */
    "儿童水枪很便宜",        /* none: allowed */
};
static const size_t EXPECTED[] = {2, 0, 2, 0};

struct job {
    const jw_filter *filter;
    int id;
    int failures;
};

static void *scan(void *arg) {
    struct job *job = arg;
    jw_matches *m = jw_matches_new();
    int round;
    for (round = 0; round < ROUNDS; round++) {
        size_t which = (size_t)(round + job->id) % 4;
        const char *text = TEXTS[which];
        bool hit = false;
        jw_match one;
        if (jw_filter_find(job->filter, S(text), JW_FIND_NONOVERLAPPING, m) != JW_OK ||
            jw_matches_len(m) != EXPECTED[which]) {
            job->failures++;
            continue;
        }
        if (EXPECTED[which] > 0 &&
            (jw_matches_get(m, 0, &one) != JW_OK || one.end <= one.start ||
             one.end > strlen(text))) {
            job->failures++;
        }
        if (jw_filter_is_match(job->filter, S(text), 0, &hit) != JW_OK ||
            hit != (EXPECTED[which] > 0)) {
            job->failures++;
        }
    }
    jw_matches_free(m);
    return NULL;
}

int main(void) {
    jw_builder *b = jw_builder_new();
    jw_filter *f = NULL;
    jw_filter *spare;
    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    int i;

    CHECK_OK(jw_builder_add_lexicon(
        b, S("[firearms severity=high]\n枪支\ngun\nallow: 水枪\n[fraud]\n代开发票\n"), S("t.lex")));
    CHECK_OK(jw_builder_build(b, &f, NULL));
    jw_builder_free(b);
    spare = jw_filter_clone(f);
    CHECK(spare != NULL);

    for (i = 0; i < THREADS; i++) {
        jobs[i].filter = spare;
        jobs[i].id = i;
        jobs[i].failures = 0;
        CHECK(pthread_create(&threads[i], NULL, scan, &jobs[i]) == 0);
    }
    jw_filter_free(f);
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(jobs[i].failures == 0);
    }
    jw_filter_free(spare);
    printf("threads: ok\n");
    return 0;
}
