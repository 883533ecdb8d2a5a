/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *jh_chinese_numeral (guint number);
char *jh_numbering_format (guint level,
                           guint number);

G_END_DECLS
