/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_TASK_EDITOR (jh_task_editor_get_type ())

G_DECLARE_FINAL_TYPE (JhTaskEditor, jh_task_editor, JH, TASK_EDITOR, AdwBin)

GtkWidget *jh_task_editor_new         (void);
JhTask    *jh_task_editor_get_task    (JhTaskEditor *self);
void       jh_task_editor_set_task    (JhTaskEditor *self,
                                       JhTask       *task);
JhHistory *jh_task_editor_get_history (JhTaskEditor *self);
void       jh_task_editor_set_history (JhTaskEditor *self,
                                       JhHistory    *history);
void       jh_task_editor_set_settings (JhTaskEditor *self,
                                        GSettings    *settings);

G_END_DECLS
