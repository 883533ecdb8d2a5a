/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-window.h"

G_BEGIN_DECLS

void   jh_file_chooser_add_import_filter (GtkFileChooser *chooser);
void   jh_window_import_file             (JhWindow       *self,
                                          GFile          *file);
char  *jh_import_result_dup_summary      (JhImportResult *result);
GtkWidget *jh_import_report_dialog_new   (GtkWindow      *parent,
                                          JhImportResult *result);
void   jh_window_import_folder_action    (GtkWidget      *widget,
                                          const char     *action_name,
                                          GVariant       *parameter);

G_END_DECLS
