/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jihua.h"

G_BEGIN_DECLS

const char    *jh_export_settings_get_font_key      (JhTextStyle           style);
GFile         *jh_export_settings_dup_profile_file  (GSettings            *settings);
void           jh_export_settings_apply_fonts       (GSettings            *settings,
                                                     JhPageProfile        *profile);
void           jh_export_settings_load_profile_async (GSettings           *settings,
                                                      GFile               *profile_file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
JhPageProfile *jh_export_settings_load_profile_finish (GAsyncResult       *result,
                                                       GError            **error);

GtkFileChooserNative *jh_page_profile_chooser_new    (GtkWindow          *parent);

G_END_DECLS
