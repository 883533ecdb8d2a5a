/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_PRINT_PREVIEW (jh_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (JhPrintPreview, jh_print_preview, JH, PRINT_PREVIEW, AdwWindow)

JhPrintPreview *jh_print_preview_new         (GtkWindow      *parent,
                                              JhLayout       *layout);
JhLayout       *jh_print_preview_get_layout  (JhPrintPreview *self);
guint           jh_print_preview_get_n_pages (JhPrintPreview *self);

G_END_DECLS
