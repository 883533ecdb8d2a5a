/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_OUTLINE (jh_outline_get_type ())

G_DECLARE_FINAL_TYPE (JhOutline, jh_outline, JH, OUTLINE, AdwBin)

GtkWidget  *jh_outline_new               (void);
JhPlan     *jh_outline_get_plan          (JhOutline *self);
void        jh_outline_set_plan          (JhOutline *self,
                                          JhPlan    *plan);
JhHistory  *jh_outline_get_history       (JhOutline *self);
void        jh_outline_set_history       (JhOutline *self,
                                          JhHistory *history);
JhNode     *jh_outline_get_selected      (JhOutline *self);
void        jh_outline_select            (JhOutline *self,
                                          JhNode    *node);
GListModel *jh_outline_get_rows          (JhOutline *self);
char       *jh_outline_dup_label         (JhNode    *node);
gboolean    jh_outline_drop              (JhOutline *self,
                                          JhNode    *dragged,
                                          JhNode    *target);
void        jh_outline_refresh           (JhOutline *self);

G_END_DECLS
