/* Minimal assertions for the C API tests: print where it failed and exit non-zero. */
#ifndef JW_TEST_CHECK_H
#define JW_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jingwang.h"

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,  \
                    #cond);                                                    \
            exit(1);                                                           \
        }                                                                      \
    } while (0)

#define CHECK_RESULT(call, expected)                                           \
    do {                                                                       \
        jw_result got_ = (call);                                               \
        if (got_ != (expected)) {                                              \
            fprintf(stderr, "%s:%d: %s returned %u (%s), expected %s\n",       \
                    __FILE__, __LINE__, #call, (unsigned)got_,                 \
                    jw_result_message(got_), #expected);                       \
            exit(1);                                                           \
        }                                                                      \
    } while (0)

#define CHECK_OK(call) CHECK_RESULT(call, JW_OK)

/* A C string as the (pointer, length) pair the API takes. */
#define S(str) (const uint8_t *)(str), strlen(str)

#endif
