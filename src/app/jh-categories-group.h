/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_CATEGORIES_GROUP (jh_categories_group_get_type ())

G_DECLARE_FINAL_TYPE (JhCategoriesGroup, jh_categories_group, JH, CATEGORIES_GROUP, AdwPreferencesGroup)

GtkWidget *jh_categories_group_new        (GSettings         *settings);
GtkSwitch *jh_categories_group_get_switch (JhCategoriesGroup *self,
                                           JhRuleCategory     category);

G_END_DECLS
