/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-plan.h"

G_BEGIN_DECLS

JhPlan *jh_summary_new_from_plan (JhPlan *plan);
char   *jh_summary_dup_title     (const char *plan_title);

G_END_DECLS
