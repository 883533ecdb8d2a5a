/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

/**
 * JhCompareFilter:
 * @JH_COMPARE_FILTER_ALL: every task
 * @JH_COMPARE_FILTER_CHANGES: tasks new, dropped or changed
 * @JH_COMPARE_FILTER_UNCHANGED: tasks carried over word for word
 */
typedef enum
{
  JH_COMPARE_FILTER_ALL,
  JH_COMPARE_FILTER_CHANGES,
  JH_COMPARE_FILTER_UNCHANGED,
} JhCompareFilter;

#define JH_TYPE_COMPARE_VIEW (jh_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (JhCompareView, jh_compare_view, JH, COMPARE_VIEW, AdwBin)

GtkWidget       *jh_compare_view_new          (void);
void             jh_compare_view_set_plan     (JhCompareView   *self,
                                               JhPlan          *plan);
void             jh_compare_view_compare_with (JhCompareView   *self,
                                               JhPlan          *old_plan,
                                               const char      *old_name);
JhPlanDiff      *jh_compare_view_get_diff     (JhCompareView   *self);
void             jh_compare_view_set_filter   (JhCompareView   *self,
                                               JhCompareFilter  filter);
guint            jh_compare_view_get_n_shown  (JhCompareView   *self);
void             jh_compare_view_activate_row (JhCompareView   *self,
                                               guint            index_);

G_END_DECLS
