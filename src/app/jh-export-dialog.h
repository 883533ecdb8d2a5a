/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_EXPORT_DIALOG (jh_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JhExportDialog, jh_export_dialog, JH, EXPORT_DIALOG, AdwWindow)

JhExportDialog *jh_export_dialog_new                  (GtkWindow            *parent,
                                                       AdwToastOverlay      *toasts,
                                                       JhPlan               *plan,
                                                       GSettings            *settings);
JhPlan         *jh_export_dialog_get_plan             (JhExportDialog       *self);
JhExportFormat  jh_export_dialog_get_format           (JhExportDialog       *self);
void            jh_export_dialog_set_format           (JhExportDialog       *self,
                                                       JhExportFormat        format);
gboolean        jh_export_dialog_get_include_timeline (JhExportDialog       *self);
void            jh_export_dialog_set_include_timeline (JhExportDialog       *self,
                                                       gboolean              include_timeline);
gboolean        jh_export_dialog_get_schedule_as_table (JhExportDialog     *self);
void            jh_export_dialog_set_schedule_as_table (JhExportDialog     *self,
                                                        gboolean            schedule_as_table);
GFile          *jh_export_dialog_get_profile_file     (JhExportDialog       *self);
void            jh_export_dialog_set_profile_file     (JhExportDialog       *self,
                                                       GFile                *file);
gboolean        jh_export_dialog_get_checked          (JhExportDialog       *self);
guint           jh_export_dialog_get_n_errors         (JhExportDialog       *self);
gboolean        jh_export_dialog_can_export           (JhExportDialog       *self);
void            jh_export_dialog_export_async         (JhExportDialog       *self,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void            jh_export_dialog_export_and_close     (JhExportDialog       *self,
                                                       GFile                *file);
gboolean        jh_export_dialog_export_finish        (JhExportDialog       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
