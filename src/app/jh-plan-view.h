/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"
#include "jh-outline.h"

G_BEGIN_DECLS

#define JH_TYPE_PLAN_VIEW (jh_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (JhPlanView, jh_plan_view, JH, PLAN_VIEW, AdwBin)

GtkWidget  *jh_plan_view_new             (void);
JhPlan     *jh_plan_view_get_plan        (JhPlanView *self);
void        jh_plan_view_set_plan        (JhPlanView *self,
                                          JhPlan     *plan);
JhHistory  *jh_plan_view_get_history     (JhPlanView *self);
void        jh_plan_view_set_history     (JhPlanView *self,
                                          JhHistory  *history);
JhOutline  *jh_plan_view_get_outline     (JhPlanView *self);
const char *jh_plan_view_get_editor_name (JhPlanView *self);

G_END_DECLS
