/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"
#include "jh-body-editor.h"
#include "jh-checks-pane.h"
#include "jh-plan-view.h"
#include "jh-timeline-view.h"

G_BEGIN_DECLS

#define JH_TYPE_WINDOW (jh_window_get_type ())

G_DECLARE_FINAL_TYPE (JhWindow, jh_window, JH, WINDOW, AdwApplicationWindow)

JhWindow *jh_window_new                 (GtkApplication       *application);
JhPlan   *jh_window_get_plan            (JhWindow             *self);
GFile    *jh_window_get_file            (JhWindow             *self);
gboolean  jh_window_get_modified        (JhWindow             *self);
gboolean  jh_window_is_pristine         (JhWindow             *self);
void      jh_window_set_plan            (JhWindow             *self,
                                         JhPlan               *plan,
                                         GFile                *file);
void      jh_window_restore_draft       (JhWindow             *self,
                                         JhDraftInfo          *info,
                                         JhPlan               *plan);
void      jh_window_set_drafts          (JhWindow             *self,
                                         JhDrafts             *drafts);
JhHistory *jh_window_get_history        (JhWindow             *self);
JhPlanView *jh_window_get_plan_view     (JhWindow             *self);
JhTimelineView *jh_window_get_timeline_view (JhWindow           *self);
const char *jh_window_get_draft_id      (JhWindow             *self);
void      jh_window_open_file           (JhWindow             *self,
                                         GFile                *file);
void      jh_window_save_to_file_async  (JhWindow             *self,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  jh_window_save_to_file_finish (JhWindow             *self,
                                         GAsyncResult         *result,
                                         GError              **error);

void      jh_window_show_imported       (JhWindow             *self,
                                         JhPlan               *plan,
                                         AdwToast             *toast);
JhDrafts *jh_window_get_drafts          (JhWindow             *self);
JhChecksPane *jh_window_get_checks_pane (JhWindow            *self);
void      jh_window_add_toast           (JhWindow             *self,
                                         AdwToast             *toast);
JhBodyEditor *jh_window_find_body_editor (GtkWidget           *widget,
                                         JhNode               *node);

void      jh_file_chooser_add_plan_filter (GtkFileChooser     *chooser);

G_END_DECLS
