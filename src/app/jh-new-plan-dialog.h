/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_NEW_PLAN_DIALOG (jh_new_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JhNewPlanDialog, jh_new_plan_dialog, JH, NEW_PLAN_DIALOG, AdwMessageDialog)

JhNewPlanDialog *jh_new_plan_dialog_new            (GtkWindow       *parent);
const char      *jh_new_plan_dialog_get_template   (JhNewPlanDialog *self);
void             jh_new_plan_dialog_set_template   (JhNewPlanDialog *self,
                                                    const char      *name);
void             jh_new_plan_dialog_set_organization (JhNewPlanDialog *self,
                                                      const char      *organization);
JhPlan          *jh_new_plan_dialog_create_plan    (JhNewPlanDialog *self,
                                                    GError         **error);

G_END_DECLS
