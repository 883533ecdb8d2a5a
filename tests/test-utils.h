/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *test_dup_sample_path (void);
char *test_read_text       (const char          *path);
int   test_run_cli         (const char * const  *args,
                            char               **out,
                            char               **err);

G_END_DECLS
