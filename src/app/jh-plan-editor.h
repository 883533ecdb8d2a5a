/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_PLAN_EDITOR (jh_plan_editor_get_type ())

G_DECLARE_FINAL_TYPE (JhPlanEditor, jh_plan_editor, JH, PLAN_EDITOR, AdwBin)

GtkWidget *jh_plan_editor_new         (void);
JhPlan    *jh_plan_editor_get_plan    (JhPlanEditor *self);
void       jh_plan_editor_set_plan    (JhPlanEditor *self,
                                       JhPlan       *plan);
JhHistory *jh_plan_editor_get_history (JhPlanEditor *self);
void       jh_plan_editor_set_history (JhPlanEditor *self,
                                       JhHistory    *history);
GDate     *jh_parse_date              (const char   *text);

G_END_DECLS
