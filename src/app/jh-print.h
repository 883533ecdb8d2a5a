/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jihua.h"

G_BEGIN_DECLS

GtkPrintOperation *jh_print_operation_new (JhLayout *layout);

G_END_DECLS
